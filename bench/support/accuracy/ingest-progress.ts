/** What the service's /metrics says about the events it has finished with. */
export interface IngestProgress {
  applied: number;
  duplicates: number;
  rejected: number;
  /** `source/reason` → count, from the rejected counter's labels. */
  rejectedBy: Record<string, number>;
}

const APPLIED = 'recontact_ingest_events_applied_total';
const DUPLICATE = 'recontact_ingest_events_duplicate_total';
const REJECTED = 'recontact_ingest_events_rejected_total';

/** Reads the ingest counters from Prometheus text exposition, summed over their labels. */
export function ingestProgress(metrics: string): IngestProgress {
  const progress: IngestProgress = { applied: 0, duplicates: 0, rejected: 0, rejectedBy: {} };
  for (const line of metrics.split('\n')) {
    const sample = /^([a-z_]+)(\{[^}]*\})?\s+(\S+)$/.exec(line.trim());
    if (!sample) continue;
    const [, name, labels = '', value] = sample;
    const n = Number(value);
    if (name === APPLIED) progress.applied += n;
    else if (name === DUPLICATE) progress.duplicates += n;
    else if (name === REJECTED) {
      progress.rejected += n;
      const label = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(labels)?.[1] ?? '?';
      const by = `${label('source')}/${label('reason')}`;
      progress.rejectedBy[by] = (progress.rejectedBy[by] ?? 0) + n;
    }
  }
  return progress;
}

export function processed(p: IngestProgress): number {
  return p.applied + p.duplicates + p.rejected;
}
