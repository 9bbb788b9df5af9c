import type { NormalizedAddress } from './normalize/address.js';
import type { PartialDate } from './normalize/birth-date.js';
import type { NormalizedName } from './normalize/name.js';
import type { PhoneStatus } from './source-record.js';

/**
 * One source record as the matcher sees it: everything normalized, identifiers as stored (phones
 * in E.164, national ids and third parties' numbers as fingerprints). Built from the graph by the
 * record store; scoring, clustering and contact ranking work only on this shape.
 */
export interface MatchableRecord {
  /** `sourceId:sourceRecordId`. */
  key: string;
  sourceId: string;
  /** The source's trust weight from the registry, 0..1. */
  sourceTrust: number;
  observedAtMs: number;
  names: NormalizedName[];
  birthDate?: PartialDate;
  nationalIds: MatchableNationalId[];
  phones: MatchablePhone[];
  /** Canonical addresses. */
  emails: string[];
  addresses: NormalizedAddress[];
  employer?: string;
  /** Third-party evidence (e.g. frequent contacts): matching evidence only, never a contact. */
  thirdParties: { fingerprint: string; kind: string; weight: number }[];
}

export interface MatchableNationalId {
  fingerprint: string;
  country: string;
  type: string;
  /** Derived from a CN resident id, when the id encodes it. */
  derivedBirthDate?: string;
  derivedSex?: 'M' | 'F';
}

export interface MatchablePhone {
  e164: string;
  status: PhoneStatus;
  lastSeenAtMs: number;
  verifiedAtMs?: number;
}
