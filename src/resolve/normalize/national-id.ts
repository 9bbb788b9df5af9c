import { createHmac } from 'node:crypto';
import { parseCnResidentId } from './cn-resident-id.js';
import type { CnResidentIdRejection } from './cn-resident-id.js';
import { accept, reject } from './result.js';
import type { Normalized } from './result.js';
import { checkUsSsn } from './us-ssn.js';
import type { UsSsnRejection } from './us-ssn.js';

export interface NationalIdInput {
  country: string;
  type: string;
  value: string;
}

export interface NationalId {
  country: string;
  type: string;
  /** Upper-case letters and digits only; a CN_RIC is always in its 18-character form. */
  value: string;
  /** Only for id types that encode them (CN_RIC). */
  birthDate?: string;
  sex?: 'M' | 'F';
}

export type NationalIdRejection =
  'BAD_COUNTRY' | 'BAD_TYPE' | 'EMPTY_VALUE' | CnResidentIdRejection | UsSsnRejection;

export type NationalIdResult = Normalized<NationalId, NationalIdRejection>;

// The contract allows spaces, dashes, dots and slashes only to group characters for reading; no
// id scheme we accept tells two values apart by them.
const GROUPING = /[\s./-]+/g;

/**
 * Canonicalizes an id so that every source's spelling of it fingerprints the same. The type code is
 * kept as sent: sources must agree on codes (the source registry), or fingerprints will not meet.
 */
export function normalizeNationalId(id: NationalIdInput, now: Date): NationalIdResult {
  const country = id.country.trim().toUpperCase();
  const type = id.type.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) return reject('BAD_COUNTRY');
  if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(type)) return reject('BAD_TYPE');
  const value = id.value.normalize('NFKC').replace(GROUPING, '').toUpperCase();
  if (value === '') return reject('EMPTY_VALUE');

  if (type === 'CN_RIC') {
    if (country !== 'CN') return reject('BAD_COUNTRY');
    const ric = parseCnResidentId(value, now);
    if (!ric.ok) return ric;
    const { id18, birthDate, sex } = ric.value;
    return accept({ country, type, value: id18, birthDate, sex });
  }
  if (country === 'US' && type === 'SSN') {
    const ssn = checkUsSsn(value);
    return ssn.ok ? accept({ country, type, value }) : ssn;
  }
  if (!/^[A-Z0-9]+$/.test(value)) return reject('BAD_CHARACTERS');
  return accept({ country, type, value });
}

// Ids are few enough to enumerate, so a fingerprint is only as private as its key is unguessable.
export const MIN_FINGERPRINT_KEY_BYTES = 32;

/**
 * Keyed HMAC-SHA256 (hex) of `country|type|value`, so the graph can join on an id without holding
 * it. Pass a normalized id. None of the parts can contain `|`, so distinct ids never collide.
 */
export function nationalIdFingerprint(
  id: Pick<NationalId, 'country' | 'type' | 'value'>,
  key: Buffer,
): string {
  if (key.length < MIN_FINGERPRINT_KEY_BYTES) {
    throw new RangeError(
      `the national id fingerprint key must be at least ${MIN_FINGERPRINT_KEY_BYTES} random bytes`,
    );
  }
  return createHmac('sha256', key).update(`${id.country}|${id.type}|${id.value}`).digest('hex');
}
