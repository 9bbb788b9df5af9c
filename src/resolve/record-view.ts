import type { MatchableRecord } from './matchable-record.js';
import { normalizeAddress, type AddressInput } from './normalize/address.js';
import { parseBirthDate } from './normalize/birth-date.js';
import { normalizeName, type NameInput } from './normalize/name.js';
import { recordKey, type PhoneStatus, type SourceRecordUpdate } from './source-record.js';

/** A record row as graph/cypher/load-matchable-records.cypher returns it. */
export interface StoredRecordRow {
  key: string;
  sourceId: string;
  observedAtMs: number;
  namesJson: string | null;
  birthDate: string | null;
  addressesJson: string | null;
  employer: string | null;
  phones: { e164: string; status: PhoneStatus; lastSeenAt: string; verifiedAt: string | null }[];
  emails: string[];
  nationalIds: { fingerprint: string; country: string; type: string; derivedBirthDate: string | null; derivedSex: 'M' | 'F' | null }[];
  thirdParties: { fingerprint: string; kind: string; weight: number }[];
}

/**
 * The row the graph returns for a record right after `update` was applied to it: what
 * apply-record-updates.cypher stores, in the shape load-matchable-records.cypher reads. A chunk's
 * resolution starts from these instead of reading back what it has just written.
 */
export function storedRowOf(update: SourceRecordUpdate): StoredRecordRow {
  return {
    key: recordKey(update.sourceId, update.sourceRecordId),
    sourceId: update.sourceId,
    observedAtMs: update.observedAtMs,
    namesJson: JSON.stringify(update.names),
    birthDate: update.birthDate,
    addressesJson: JSON.stringify(update.addresses),
    employer: update.employer,
    phones: update.phones.map(({ e164, status, lastSeenAt, verifiedAt }) => ({ e164, status, lastSeenAt, verifiedAt })),
    emails: update.emails.map((e) => e.address),
    nationalIds: update.nationalIds.map(({ fingerprint, country, type, derivedBirthDate, derivedSex }) => ({
      fingerprint,
      country,
      type,
      derivedBirthDate,
      derivedSex,
    })),
    thirdParties: update.thirdParties.map(({ fingerprint, kind, weight }) => ({ fingerprint, kind, weight })),
  };
}

/** Stored values were validated at ingest; normalization here only shapes them for comparison. */
export function toMatchableRecord(row: StoredRecordRow, sourceTrust: number): MatchableRecord {
  const birthDate = row.birthDate === null ? undefined : parseBirthDate(row.birthDate);
  return {
    key: row.key,
    sourceId: row.sourceId,
    sourceTrust,
    observedAtMs: row.observedAtMs,
    names: parseJsonList<NameInput>(row.namesJson).map(normalizeName),
    ...(birthDate?.ok ? { birthDate: birthDate.value } : {}),
    nationalIds: row.nationalIds.map((n) => ({
      fingerprint: n.fingerprint,
      country: n.country,
      type: n.type,
      ...(n.derivedBirthDate === null ? {} : { derivedBirthDate: n.derivedBirthDate }),
      ...(n.derivedSex === null ? {} : { derivedSex: n.derivedSex }),
    })),
    phones: row.phones.map((p) => ({
      e164: p.e164,
      status: p.status,
      lastSeenAtMs: Date.parse(p.lastSeenAt),
      ...(p.verifiedAt === null ? {} : { verifiedAtMs: Date.parse(p.verifiedAt) }),
    })),
    emails: [...row.emails].sort(),
    addresses: parseJsonList<AddressInput>(row.addressesJson).map(normalizeAddress),
    ...(row.employer === null ? {} : { employer: row.employer }),
    thirdParties: row.thirdParties,
  };
}

function parseJsonList<T>(json: string | null): T[] {
  if (json === null) return [];
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as T[]) : [];
}
