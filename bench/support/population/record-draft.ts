import type { IdentitySubjectV1 } from '../../../contracts/identity-update.v1.js';
import type { Random } from './mulberry32.js';
import type { PhenomenonCounts } from './phenomenon-counts.js';
import type { PhoneNumbers } from './phone-numbers.js';
import type { SyntheticIds } from './synthetic-ids.js';

export const TELCO = 'demo-telco';
export const REGISTRY = 'demo-registry';
export const CREDITOR = 'demo-creditor';

/** One source record before it is wrapped in an event envelope. */
export interface RecordDraft {
  personId: string;
  sourceId: typeof TELCO | typeof REGISTRY | typeof CREDITOR;
  sourceRecordId: string;
  observedAtMs: number;
  subject: IdentitySubjectV1;
  /** E.164 of every phone listed, whatever format the subject carries it in. */
  phonesListed: string[];
}

export interface RecordContext {
  rng: Random;
  ids: SyntheticIds;
  phones: PhoneNumbers;
  counts: PhenomenonCounts;
  nowMs: number;
}
