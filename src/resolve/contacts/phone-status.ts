import type { PhoneStatus } from '../source-record.js';
import type { ContactSighting } from './contact-sightings.js';

// On the same instant the graver report wins: dialling a number that now belongs to someone else
// harms a third party, while skipping a good number only costs a retry.
const GRAVITY: Readonly<Record<PhoneStatus, number>> = {
  unknown: 0,
  active: 1,
  inactive: 2,
  disconnected: 3,
  reassigned: 4,
};

/**
 * The status of the newest report: a number the creditor saw active in 2023 and the telecom
 * disconnected in 2024 is disconnected. `unknown` is the absence of a report, not a report, so
 * it never overrides a real one, however recent.
 */
export function newestPhoneStatus(sightings: readonly ContactSighting[]): PhoneStatus {
  let newest: { status: PhoneStatus; atMs: number } | undefined;
  for (const { status, seenAtMs } of sightings) {
    if (status === undefined || status === 'unknown') continue;
    if (
      newest === undefined ||
      seenAtMs > newest.atMs ||
      (seenAtMs === newest.atMs && GRAVITY[status] > GRAVITY[newest.status])
    ) {
      newest = { status, atMs: seenAtMs };
    }
  }
  return newest?.status ?? 'unknown';
}

/** Numbers in these states must never be dialled again for this person. */
export function isTerminalStatus(status: PhoneStatus): boolean {
  return status === 'disconnected' || status === 'reassigned';
}
