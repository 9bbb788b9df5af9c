import type { AuditRecord } from './audit-entry.js';
import { chainHash } from './seal-audit-record.js';
import {
  INDEXED_FIELD_NAMES,
  indexedFields,
  type StoredAuditRecord,
} from './stored-audit-record.js';

export interface RecordInspection {
  /** The record as hashed, when `canonical` is readable. */
  body?: Omit<AuditRecord, 'hash'>;
  /** The hash recomputed from `prevHash` and `canonical` equals the stored one. */
  hashValid: boolean;
  /** Stored copies (other than seq) that disagree with the hashed record, or why it is unreadable. */
  problems: string[];
}

/**
 * Checks one record on its own: is it what was hashed, and do the indexed copies still say what the
 * hashed record says? A changed `seq` is reported separately, because it means the record moved.
 */
export function inspectAuditRecord(stored: StoredAuditRecord, chain: string): RecordInspection {
  const hashValid =
    typeof stored.canonical === 'string' &&
    chainHash(String(stored.prevHash), stored.canonical) === stored.hash;
  let body: Omit<AuditRecord, 'hash'>;
  try {
    body = JSON.parse(stored.canonical) as Omit<AuditRecord, 'hash'>;
    if (typeof body.seq !== 'number' || typeof body.actor?.subject !== 'string')
      throw new Error('not an audit record');
  } catch {
    return { hashValid, problems: ['its hashed form is unreadable'] };
  }
  const problems: string[] = [];
  if (!hashValid) problems.push('its hash does not match its contents');
  const expected: Record<string, unknown> = {
    ...indexedFields(body),
    chain,
    at: body.at,
    prevHash: body.prevHash,
  };
  if (body.chain !== chain) problems.push(`it was chained in ${JSON.stringify(body.chain)}`);
  const actual = stored as unknown as Record<string, unknown>;
  for (const name of [...INDEXED_FIELD_NAMES, 'chain', 'at', 'prevHash']) {
    if ((expected[name] ?? null) !== (actual[name] ?? null))
      problems.push(`stored ${name} differs from the hashed record`);
  }
  return { body, hashValid, problems };
}
