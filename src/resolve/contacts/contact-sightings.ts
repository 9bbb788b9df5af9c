import type { MatchableRecord } from '../matchable-record.js';
import type { PhoneStatus } from '../source-record.js';

/** One record's mention of a contact value. */
export interface ContactSighting {
  sourceId: string;
  sourceTrust: number;
  seenAtMs: number;
  /** Undefined for emails. */
  status?: PhoneStatus;
  verifiedAtMs?: number;
}

export interface ContactSightings {
  kind: 'phone' | 'email';
  value: string;
  sightings: ContactSighting[];
}

/**
 * Groups every mention of a phone or email across the person's records. Emails carry no date of
 * their own, so the record's observation time stands for when the address was seen.
 */
export function collectSightings(records: readonly MatchableRecord[]): ContactSightings[] {
  const byValue = new Map<string, ContactSightings>();
  const add = (kind: 'phone' | 'email', value: string, sighting: ContactSighting): void => {
    const key = `${kind}|${value}`;
    let entry = byValue.get(key);
    if (!entry) {
      entry = { kind, value, sightings: [] };
      byValue.set(key, entry);
    }
    entry.sightings.push(sighting);
  };
  for (const record of records) {
    const source = { sourceId: record.sourceId, sourceTrust: record.sourceTrust };
    for (const phone of record.phones) {
      add('phone', phone.e164, {
        ...source,
        seenAtMs: phone.lastSeenAtMs,
        status: phone.status,
        ...(phone.verifiedAtMs === undefined ? {} : { verifiedAtMs: phone.verifiedAtMs }),
      });
    }
    for (const email of record.emails)
      add('email', email, { ...source, seenAtMs: record.observedAtMs });
  }
  return [...byValue.values()];
}
