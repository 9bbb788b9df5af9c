import { creditorRecord } from './creditor-records.js';
import { PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { PhoneHistory } from './phone-histories.js';
import type { RecordContext, RecordDraft } from './record-draft.js';
import { registryRecord } from './registry-records.js';
import type { FrequentContact } from './social-contacts.js';
import type { SyntheticPerson } from './synthetic-person.js';
import { telcoRecords } from './telco-records.js';

const MAX_RECORDS_PER_PERSON = 4;

/**
 * One to four records over the three sources. Number changes and recycling are telecom facts, so
 * those persons always have a telecom record; a person no source drew gets a creditor record.
 */
export function personRecords(
  ctx: RecordContext,
  p: SyntheticPerson,
  history: PhoneHistory,
  contacts: readonly FrequentContact[],
): RecordDraft[] {
  const { rng } = ctx;
  const telcoForced = history.previous !== undefined || history.recycledFrom !== undefined;
  const records: RecordDraft[] = [];
  if (telcoForced || rng.chance(RATES.telcoRecord))
    records.push(...telcoRecords(ctx, p, history, contacts));
  if (rng.chance(RATES.registryRecord)) records.push(registryRecord(ctx, p));
  if (rng.chance(RATES.creditorRecord) || records.length === 0) {
    records.push(creditorRecord(ctx, p, history));
    if (records.length < MAX_RECORDS_PER_PERSON && rng.chance(RATES.secondCreditorRecord)) {
      records.push(creditorRecord(ctx, p, history));
      ctx.counts.add('secondCreditorRecords');
    }
  }
  return records;
}
