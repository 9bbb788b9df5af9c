import { accept, reject } from './result.js';
import type { Normalized } from './result.js';

export type UsSsnRejection = 'BAD_LENGTH' | 'BAD_CHARACTERS' | 'NEVER_ISSUED';

/**
 * Checks a canonical (separator-free) US Social Security number against the ranges the SSA never
 * issues: area 000, 666 or 900-999 (the 9xx block is for ITINs), group 00, serial 0000.
 */
export function checkUsSsn(canonical: string): Normalized<string, UsSsnRejection> {
  if (!/^\d*$/.test(canonical)) return reject('BAD_CHARACTERS');
  if (canonical.length !== 9) return reject('BAD_LENGTH');
  const area = canonical.slice(0, 3);
  const group = canonical.slice(3, 5);
  const serial = canonical.slice(5);
  if (area === '000' || area === '666' || area.startsWith('9')) return reject('NEVER_ISSUED');
  if (group === '00' || serial === '0000') return reject('NEVER_ISSUED');
  return accept(canonical);
}
