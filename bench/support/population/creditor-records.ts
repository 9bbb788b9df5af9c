import type { IdentitySubjectV1 } from '../../../contracts/identity-update.v1.js';
import { birthDateAsTyped } from './birth-date-noise.js';
import { chinaDateTime, daysBefore, instantBetween } from './contract-time.js';
import { creditorAddress } from './creditor-address.js';
import { hanNameAsTyped, latinNameAsTyped } from './name-noise.js';
import { MISSING_FIELD_RATES as MISSING, PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { MissingField } from './phenomenon-rates.js';
import type { PhoneHistory } from './phone-histories.js';
import { nationalFormat } from './phone-numbers.js';
import { CREDITOR } from './record-draft.js';
import type { RecordContext, RecordDraft } from './record-draft.js';
import { legacyResidentId } from './synthetic-ids.js';
import type { SyntheticPerson } from './synthetic-person.js';

type Phone = NonNullable<IdentitySubjectV1['phones']>[number];

const CREDITOR_RETENTION_DAYS = 365;

/**
 * A loan account as the creditor keeps it: the application form's data, typed by a clerk, with
 * the mobile the borrower had at the time, which after a number change is the old one.
 */
export function creditorRecord(
  ctx: RecordContext,
  p: SyntheticPerson,
  history: PhoneHistory,
): RecordDraft {
  const { rng } = ctx;
  // The graph keeps a source's records for its registered retention after they were observed
  // (365 days for the demo creditor): an older application would have been purged.
  let observedAtMs = daysBefore(rng, ctx.nowMs, 20, CREDITOR_RETENTION_DAYS);
  const previous = history.previous;
  const usesPrevious =
    previous !== undefined && observedAtMs < previous.endedAtMs && observedAtMs >= previous.sinceMs;
  // Nobody gives a creditor a number before they have it.
  if (!usesPrevious && observedAtMs < history.currentSinceMs) {
    observedAtMs = instantBetween(rng, history.currentSinceMs, ctx.nowMs);
  }
  const mobile = usesPrevious ? previous.e164 : history.current;
  const missing = (field: MissingField) => {
    const gone = rng.chance(MISSING[field]);
    if (gone) ctx.counts.add(`missingField.${field}`);
    return gone;
  };

  const pinyin = p.origin === 'cn' && rng.chance(RATES.creditorPinyinName);
  if (pinyin) ctx.counts.add('creditorPinyinNames');
  const listed = phones(ctx, p, mobile, observedAtMs);
  const subject: IdentitySubjectV1 = {
    names: [p.origin === 'cn' && !pinyin ? hanNameAsTyped(ctx, p) : latinNameAsTyped(ctx, p)],
    phones: listed.phones,
  };
  if (!missing('creditorBirthDate')) subject.birthDate = birthDateAsTyped(ctx, p.birthDate);
  if (!missing('creditorNationalId')) subject.nationalIds = [nationalId(ctx, p)];
  if (!missing('creditorEmail')) {
    subject.emails = [
      { address: p.email, lastSeenAt: chinaDateTime(observedAtMs), verified: rng.chance(0.5) },
    ];
  }
  if (!missing('creditorAddress'))
    subject.addresses = [creditorAddress(ctx, p.address, observedAtMs)];
  if (!missing('creditorEmployer')) subject.employer = { name: p.employer };
  return {
    personId: p.id,
    sourceId: CREDITOR,
    sourceRecordId: ctx.ids.recordId('LOAN-', 8),
    observedAtMs,
    subject,
    phonesListed: listed.e164s,
  };
}

function phones(
  ctx: RecordContext,
  p: SyntheticPerson,
  mobile: string,
  observedAtMs: number,
): { phones: Phone[]; e164s: string[] } {
  const { rng } = ctx;
  const national = rng.chance(RATES.nationalFormatPhone);
  if (national) ctx.counts.add('nationalFormatPhones');
  const phone: Phone = {
    number: national ? nationalFormat(mobile) : mobile,
    ...(national ? { countryHint: 'CN' } : {}),
    status: rng.chance(0.5) ? 'active' : 'unknown',
    lastSeenAt: chinaDateTime(observedAtMs),
  };
  if (rng.chance(0.4)) phone.verification = { method: 'otp', at: chinaDateTime(observedAtMs) };
  if (p.landline === undefined || !rng.chance(0.6)) return { phones: [phone], e164s: [mobile] };
  // The landline came with the original application, so it is older than the mobile's sighting.
  const landlineSeenAtMs = daysBefore(rng, observedAtMs, 30, 730);
  const landline: Phone = {
    number: p.landline,
    status: 'unknown',
    lastSeenAt: chinaDateTime(landlineSeenAtMs),
  };
  return { phones: [phone, landline], e164s: [mobile, p.landline] };
}

function nationalId(ctx: RecordContext, p: SyntheticPerson): SyntheticPerson['nationalId'] {
  if (p.nationalId.type !== 'CN_RIC' || !ctx.rng.chance(RATES.legacyResidentId))
    return p.nationalId;
  const legacy = legacyResidentId(p.nationalId.value);
  if (legacy === undefined) return p.nationalId;
  ctx.counts.add('legacyResidentIds');
  return { ...p.nationalId, value: legacy };
}
