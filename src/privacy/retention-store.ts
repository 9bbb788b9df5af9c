export interface RetentionBatch {
  purged: number;
  /** Persons that no longer exist: all their records went, or re-resolution retired them. */
  vanishedPersons: string[];
}

/** Where records past their source's retention period are found and removed. */
export interface RetentionStore {
  /**
   * Removes up to `limit` of the source's records observed before `cutoff`, the identifier nodes only
   * they held, and re-resolves the persons and neighbours they leave behind, in one transaction.
   */
  purgeBatch(sourceId: string, cutoff: Date, limit: number, now: Date): Promise<RetentionBatch>;
}
