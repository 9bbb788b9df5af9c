/**
 * A source's view of one person record, normalized for storage: phones in E.164, national ids and
 * third parties' numbers only as keyed fingerprints. This is what ingest hands to the graph.
 */
export interface SourceRecordUpdate {
  eventId: string;
  sourceId: string;
  sourceRecordId: string;
  observedAt: string;
  observedAtMs: number;
  op: 'upsert' | 'retract';
  /** The legal basis the event names, if it names one; otherwise the source's registered one applies. */
  legalBasis: string | null;
  /** Keyed HMAC of the record key, matched against erasure tombstones. */
  recordFingerprint: string;
  names: unknown[];
  birthDate: string | null;
  addresses: unknown[];
  employer: string | null;
  phones: RecordPhone[];
  emails: RecordEmail[];
  nationalIds: RecordNationalId[];
  thirdParties: ThirdPartyEvidence[];
}

export type PhoneStatus = 'active' | 'inactive' | 'disconnected' | 'reassigned' | 'unknown';

export interface RecordPhone {
  e164: string;
  status: PhoneStatus;
  lastSeenAt: string;
  verificationMethod: string | null;
  verifiedAt: string | null;
}

export interface RecordEmail {
  address: string;
  lastSeenAt: string | null;
  verified: boolean | null;
}

export interface RecordNationalId {
  fingerprint: string;
  country: string;
  type: string;
  derivedBirthDate: string | null;
  derivedSex: 'M' | 'F' | null;
}

export interface ThirdPartyEvidence {
  kind: string;
  fingerprint: string;
  weight: number;
}

export function recordKey(sourceId: string, sourceRecordId: string): string {
  return `${sourceId}:${sourceRecordId}`;
}

/** Total order of a record's versions: later observation wins, the event id breaks ties. */
export function isNewer(a: Pick<SourceRecordUpdate, 'observedAtMs' | 'eventId'>, b: Pick<SourceRecordUpdate, 'observedAtMs' | 'eventId'>): boolean {
  return a.observedAtMs > b.observedAtMs || (a.observedAtMs === b.observedAtMs && a.eventId > b.eventId);
}

/** Keeps only the newest update per record: a batch then touches each record once. */
export function newestPerRecord(updates: SourceRecordUpdate[]): SourceRecordUpdate[] {
  const newest = new Map<string, SourceRecordUpdate>();
  for (const u of updates) {
    const key = recordKey(u.sourceId, u.sourceRecordId);
    const current = newest.get(key);
    if (!current || isNewer(u, current)) newest.set(key, u);
  }
  return [...newest.values()];
}
