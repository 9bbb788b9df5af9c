import type {
  MatchableNationalId,
  MatchablePhone,
  MatchableRecord,
} from '../../../src/resolve/matchable-record.js';
import { normalizeAddress } from '../../../src/resolve/normalize/address.js';
import type { AddressInput } from '../../../src/resolve/normalize/address.js';
import { parseBirthDate } from '../../../src/resolve/normalize/birth-date.js';
import { normalizeName } from '../../../src/resolve/normalize/name.js';
import type { NameInput } from '../../../src/resolve/normalize/name.js';
import type { PhoneStatus } from '../../../src/resolve/source-record.js';

// Every person, number, id and address in these tests is invented. Phones use ranges set aside
// for fiction (+1 555 01xx) or obviously synthetic CN mobiles; fingerprints are labels, not HMACs.

export interface RecordSpec {
  names?: (string | NameInput)[];
  birthDate?: string;
  ids?: MatchableNationalId[];
  /** A number, or a number with its status and when it was last seen (default: the epoch). */
  phones?: (string | [string, PhoneStatus] | [string, PhoneStatus, number])[];
  emails?: string[];
  addresses?: AddressInput[];
  employer?: string;
  /** Fingerprints of frequent contacts. */
  contacts?: string[];
}

export function record(key: string, spec: RecordSpec = {}): MatchableRecord {
  const result: MatchableRecord = {
    key,
    sourceId: key.split(':')[0] ?? key,
    sourceTrust: 1,
    observedAtMs: 0,
    names: (spec.names ?? []).map((n) => normalizeName(typeof n === 'string' ? { full: n } : n)),
    nationalIds: spec.ids ?? [],
    phones: (spec.phones ?? []).map(phone),
    emails: spec.emails ?? [],
    addresses: (spec.addresses ?? []).map(normalizeAddress),
    thirdParties: (spec.contacts ?? []).map((fingerprint) => ({
      fingerprint,
      kind: 'frequent_contact',
      weight: 1,
    })),
  };
  if (spec.birthDate !== undefined) {
    const parsed = parseBirthDate(spec.birthDate);
    if (!parsed.ok) throw new Error(`bad test birth date: ${parsed.reason}`);
    result.birthDate = parsed.value;
  }
  if (spec.employer !== undefined) result.employer = spec.employer;
  return result;
}

function phone(spec: string | [string, PhoneStatus] | [string, PhoneStatus, number]): MatchablePhone {
  const [e164, status, lastSeenAtMs = 0] = typeof spec === 'string' ? [spec, 'active' as const] : spec;
  return { e164, status, lastSeenAtMs };
}

/** A CN resident id as the record store holds it: a fingerprint and what the id encodes. */
export function cnId(fingerprint: string, birthDate: string, sex: 'M' | 'F'): MatchableNationalId {
  return {
    fingerprint,
    country: 'CN',
    type: 'CN_RIC',
    derivedBirthDate: birthDate,
    derivedSex: sex,
  };
}

export function usSsn(fingerprint: string): MatchableNationalId {
  return { fingerprint, country: 'US', type: 'SSN' };
}

/** An invented address in Beijing with a full key (country, postcode, first line). */
export function beijing(line: string): AddressInput {
  return { lines: [line], locality: '北京市', postcode: '100020', country: 'CN' };
}
