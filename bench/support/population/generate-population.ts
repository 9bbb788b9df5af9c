import type { IdentityUpdateV1 } from '../../../contracts/identity-update.v1.js';
import { chinaDateTime } from './contract-time.js';
import { createPersons } from './households.js';
import { Random } from './mulberry32.js';
import { PersonAttributes } from './person-attributes.js';
import { personRecords } from './person-records.js';
import { PhenomenonCounts } from './phenomenon-counts.js';
import { assignPhoneHistories } from './phone-histories.js';
import { PhoneNumbers } from './phone-numbers.js';
import { populationStats } from './population-stats.js';
import type { RecordDraft } from './record-draft.js';
import { assignContacts } from './social-contacts.js';
import { SyntheticIds } from './synthetic-ids.js';
import type { SyntheticPerson } from './synthetic-person.js';

export interface GeneratePopulationOptions {
  persons: number;
  seed: number;
  /** Every observation is at or before this instant. */
  now: Date;
  /** Delivery areas (postcodes) per city; 1 (the default) keeps one postcode per district. */
  postcodesPerCity?: number;
}

export interface PopulationEvent {
  sourceId: string;
  event: IdentityUpdateV1;
}

export interface Population {
  /** In observation order, as a stream of provider feeds would deliver them. */
  events: PopulationEvent[];
  /** `sourceId:sourceRecordId` → the true person id. */
  truth: Map<string, string>;
  /**
   * True person id → their true current mobile (E.164). Only persons whose current number some
   * record lists: no ranking can find the others (`stats.personsWithCurrentPhoneUnlisted`).
   */
  currentPhone: Map<string, string>;
  /** Counts of each phenomenon actually produced, plus totals. */
  stats: Record<string, number>;
}

/** A labelled, seeded population of CN-centred identity records for the accuracy benchmark. */
export function generatePopulation(opts: GeneratePopulationOptions): Population {
  const nowMs = opts.now.getTime();
  if (!Number.isInteger(opts.persons) || opts.persons < 1) {
    throw new RangeError('persons must be a positive integer, e.g. 5000');
  }
  if (!Number.isInteger(opts.seed)) throw new RangeError('seed must be an integer, e.g. 42');
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date');

  const rng = new Random(opts.seed);
  const counts = new PhenomenonCounts();
  const ids = new SyntheticIds(rng);
  const phones = new PhoneNumbers(rng);
  const attributes = new PersonAttributes(rng, opts.postcodesPerCity);
  const nowYear = opts.now.getUTCFullYear();

  const persons = createPersons({ rng, ids, attributes, phones, counts, nowYear }, opts.persons);
  const histories = assignPhoneHistories({ rng, phones, counts, nowMs }, persons);
  const contacts = assignContacts({ rng, phones }, persons, histories);
  const recordContext = { rng, ids, phones, counts, nowMs };
  const drafts = persons.flatMap((p) => {
    const history = histories.get(p.id);
    return history ? personRecords(recordContext, p, history, contacts.get(p.id) ?? []) : [];
  });

  const events = drafts
    .map((draft) => ({ draft, eventId: rng.uuidV4() }))
    .sort((a, b) => a.draft.observedAtMs - b.draft.observedAtMs || (a.eventId < b.eventId ? -1 : 1))
    .map(({ draft, eventId }) => toEvent(draft, eventId));

  const currentPhone = knownCurrentPhones(persons, drafts, histories);
  counts.add('personsWithCurrentPhoneUnlisted', persons.length - currentPhone.size);
  return {
    events,
    truth: new Map(drafts.map((d) => [`${d.sourceId}:${d.sourceRecordId}`, d.personId])),
    currentPhone,
    stats: populationStats(counts, persons, drafts),
  };
}

function toEvent(draft: RecordDraft, eventId: string): PopulationEvent {
  return {
    sourceId: draft.sourceId,
    event: {
      schemaVersion: 1,
      eventId,
      sourceId: draft.sourceId,
      sourceRecordId: draft.sourceRecordId,
      observedAt: chinaDateTime(draft.observedAtMs),
      op: 'upsert',
      subject: draft.subject,
    },
  };
}

// A number no record lists cannot be found by any ranking, so it is not part of the truth.
function knownCurrentPhones(
  persons: readonly SyntheticPerson[],
  drafts: readonly RecordDraft[],
  histories: ReadonlyMap<string, { current: string }>,
): Map<string, string> {
  const listed = new Set(
    drafts.flatMap((d) => d.phonesListed.map((e164) => `${d.personId}|${e164}`)),
  );
  const known = new Map<string, string>();
  for (const p of persons) {
    const current = histories.get(p.id)?.current;
    if (current !== undefined && listed.has(`${p.id}|${current}`)) known.set(p.id, current);
  }
  return known;
}
