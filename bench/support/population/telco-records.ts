import type { IdentitySubjectV1 } from '../../../contracts/identity-update.v1.js';
import { chinaDateTime, DAY_MS, daysBefore, instantBetween } from './contract-time.js';
import { hanNameAsTyped, latinNameAsTyped } from './name-noise.js';
import { MISSING_FIELD_RATES, PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { PhoneHistory } from './phone-histories.js';
import { TELCO } from './record-draft.js';
import type { RecordContext, RecordDraft } from './record-draft.js';
import type { FrequentContact } from './social-contacts.js';
import type { SyntheticPerson } from './synthetic-person.js';

type Phone = NonNullable<IdentitySubjectV1['phones']>[number];

/**
 * The telecom's subscriber records, as real-name registration keeps them (name, id document): the current number active; after a number change the old
 * one disconnected or reassigned, on the same subscriber record or on the old contract's own.
 * Two records of one person carry overlapping frequent contacts: the SIM-change signal.
 */
export function telcoRecords(
  ctx: RecordContext,
  p: SyntheticPerson,
  history: PhoneHistory,
  contacts: readonly FrequentContact[],
): RecordDraft[] {
  const { rng, nowMs } = ctx;
  const observedAtMs = instantBetween(
    rng,
    Math.max(history.currentSinceMs, nowMs - 60 * DAY_MS),
    nowMs,
  );
  const current = currentPhone(ctx, history, observedAtMs);
  const previous = history.previous;
  if (previous === undefined || rng.chance(RATES.sameSubscriberRecordOfChanges)) {
    const phones = previous === undefined ? [current] : [current, oldPhone(previous)];
    const relations = rng.chance(MISSING_FIELD_RATES.telcoRelations) ? undefined : contacts;
    if (relations === undefined) ctx.counts.add('missingField.telcoRelations');
    return [draft(ctx, p, observedAtMs, phones, relations)];
  }

  // Most contacts survive a SIM change; a few drop out and a new one appears.
  const shared = contacts.filter(() => rng.chance(0.8));
  const dropped = contacts.filter((c) => !shared.includes(c));
  const newcomer = { e164: ctx.phones.mobile(), weight: 0.5 };
  ctx.counts.add('simChangeSeparateSubscriberRecords');
  if (shared.length >= 2) ctx.counts.add('simChangeSharedContacts');
  const oldObservedAtMs = instantBetween(
    rng,
    previous.reportedAtMs,
    Math.min(nowMs, previous.reportedAtMs + 2 * DAY_MS),
  );
  return [
    draft(ctx, p, oldObservedAtMs, [oldPhone(previous)], [...shared, ...dropped]),
    draft(ctx, p, observedAtMs, [current], [...shared, newcomer]),
  ];
}

function currentPhone(ctx: RecordContext, history: PhoneHistory, observedAtMs: number): Phone {
  const lastSeenAtMs = instantBetween(
    ctx.rng,
    Math.max(history.currentSinceMs, observedAtMs - 3 * DAY_MS),
    observedAtMs,
  );
  const phone: Phone = {
    number: history.current,
    status: 'active',
    lastSeenAt: chinaDateTime(lastSeenAtMs),
  };
  if (ctx.rng.chance(0.5)) {
    const at = Math.max(history.currentSinceMs, daysBefore(ctx.rng, lastSeenAtMs, 0, 30));
    phone.verification = { method: 'carrier', at: chinaDateTime(at) };
  }
  return phone;
}

function oldPhone(previous: NonNullable<PhoneHistory['previous']>): Phone {
  return {
    number: previous.e164,
    status: previous.fate,
    lastSeenAt: chinaDateTime(previous.reportedAtMs),
  };
}

function draft(
  ctx: RecordContext,
  p: SyntheticPerson,
  observedAtMs: number,
  phones: Phone[],
  relations: readonly FrequentContact[] | undefined,
): RecordDraft {
  const subject: IdentitySubjectV1 = {
    names: [p.origin === 'cn' ? hanNameAsTyped(ctx, p) : latinNameAsTyped(ctx, p)],
    phones,
  };
  if (ctx.rng.chance(MISSING_FIELD_RATES.telcoNationalId)) ctx.counts.add('missingField.telcoNationalId');
  else subject.nationalIds = [p.nationalId];
  if (relations !== undefined && relations.length > 0) {
    subject.relations = relations
      .slice(0, 50)
      .map((c) => ({ kind: 'frequent_contact', phone: c.e164, weight: c.weight }));
  }
  return {
    personId: p.id,
    sourceId: TELCO,
    sourceRecordId: ctx.ids.recordId('SUB-', 9),
    observedAtMs,
    subject,
    phonesListed: phones.map((phone) => phone.number),
  };
}
