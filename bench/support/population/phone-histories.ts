import { DAY_MS, daysBefore, instantBetween } from './contract-time.js';
import type { Random } from './mulberry32.js';
import type { PhenomenonCounts } from './phenomenon-counts.js';
import { PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { PhoneNumbers } from './phone-numbers.js';
import type { SyntheticPerson } from './synthetic-person.js';

export interface PreviousNumber {
  e164: string;
  sinceMs: number;
  /** When the person stopped using it and the telecom disconnected it. */
  endedAtMs: number;
  fate: 'disconnected' | 'reassigned';
  /** When the telecom reported the fate: the disconnection, or the later reassignment. */
  reportedAtMs: number;
}

/** A person's true mobile numbers over time. */
export interface PhoneHistory {
  current: string;
  currentSinceMs: number;
  previous?: PreviousNumber;
  /** The person who held `current` before the telecom recycled it to this one. */
  recycledFrom?: string;
}

export interface PhoneHistoryContext {
  rng: Random;
  phones: PhoneNumbers;
  counts: PhenomenonCounts;
  nowMs: number;
}

// CN carriers quarantine a cancelled number for about 90 days before reissuing it.
const QUARANTINE_DAYS = { min: 90, max: 180 };

export function assignPhoneHistories(
  ctx: PhoneHistoryContext,
  persons: readonly SyntheticPerson[],
): Map<string, PhoneHistory> {
  const { rng, nowMs } = ctx;
  const histories = new Map<string, PhoneHistory>();
  for (const p of persons) {
    histories.set(p.id, {
      current: ctx.phones.mobile(),
      currentSinceMs: daysBefore(rng, nowMs, 200, 8 * 365),
    });
  }

  const recyclers: SyntheticPerson[] = [];
  const changers = new Set<string>();
  for (const p of persons) {
    if (!rng.chance(RATES.numberChange)) continue;
    const history = histories.get(p.id);
    if (!history) continue;
    const recycled = rng.chance(RATES.recycledOfChanges);
    // A recycled number must have cleared quarantine and found its new owner before now.
    const endedAtMs = recycled ? daysBefore(rng, nowMs, 220, 900) : daysBefore(rng, nowMs, 60, 900);
    history.previous = {
      e164: history.current,
      sinceMs: daysBefore(rng, endedAtMs, 365, 3000),
      endedAtMs,
      fate: 'disconnected',
      reportedAtMs: endedAtMs,
    };
    // The new SIM is bought before the old one is given up.
    history.current = ctx.phones.mobile();
    history.currentSinceMs = daysBefore(rng, endedAtMs, 0, 30);
    changers.add(p.id);
    ctx.counts.add('numberChanges');
    if (recycled) recyclers.push(p);
  }

  const candidates = persons.filter((p) => !changers.has(p.id));
  for (const oldOwner of recyclers) {
    const previous = histories.get(oldOwner.id)?.previous;
    const pickAt = candidates.length > 0 ? rng.int(0, candidates.length - 1) : -1;
    const recipient = candidates[pickAt];
    if (
      !previous ||
      !recipient ||
      (recipient.householdId !== undefined && recipient.householdId === oldOwner.householdId)
    )
      continue;
    candidates.splice(pickAt, 1);
    const reassignedAtMs =
      previous.endedAtMs + rng.int(QUARANTINE_DAYS.min, QUARANTINE_DAYS.max) * DAY_MS;
    previous.fate = 'reassigned';
    previous.reportedAtMs = reassignedAtMs;
    histories.set(recipient.id, {
      current: previous.e164,
      currentSinceMs: instantBetween(rng, reassignedAtMs + DAY_MS, reassignedAtMs + 20 * DAY_MS),
      recycledFrom: oldOwner.id,
    });
    ctx.counts.add('recycledNumbers');
  }
  return histories;
}
