import { createHmac } from 'node:crypto';
import { createEventProjector } from '../../../src/ingest/project-event.js';
import type { SourceRegistry } from '../../../src/ingest/source-registry.js';
import type { SourceRecordUpdate } from '../../../src/resolve/source-record.js';
import { generatePopulation } from '../population/generate-population.js';
import { tagPopulation } from '../tag-population.js';

/** One true person of the population: their source records as ingest would store them, oldest first. */
export interface ScalePerson {
  personId: string;
  updates: SourceRecordUpdate[];
}

export interface ScalePopulationOptions {
  /** The run's tag: in every record id, email domain and person id it writes. */
  tag: string;
  /** Numbers are handed out in order under this prefix, which must leave 7 digits to fill. */
  phonePrefix: string;
  /** The run's secret: each slice fingerprints ids and third parties under a key derived from it. */
  runKey: Buffer;
  registry: SourceRegistry;
  seed: number;
  now: Date;
}

const SLICE_PERSONS = 10_000;
/** About 2,800 county-level districts hold China's population; 100 areas in each of 12 cities is 1,200. */
const POSTCODES_PER_CITY = 100;
const PHONE_DIGITS = 7;

/**
 * The labelled accuracy population, generated slice after slice (10,000 persons each, seed + slice)
 * for as long as it is read. Names, birth dates and addresses are drawn afresh in every slice, so
 * the blocking keys built from them fill up as a real portfolio's do; what must stay one person's
 * (numbers, emails, id and contact fingerprints, record ids) is made unique to its slice and run,
 * so slices never share one by accident and nothing outside the run shares one with it.
 */
export class ScalePopulation {
  private slice = 0;
  private nextNumber = 0;
  /** Events of the generator that ingest would refuse, left out as its dead-letter topic would take them. */
  refusedEvents = 0;

  constructor(private readonly o: ScalePopulationOptions) {}

  /** Every record key the run writes starts with one of these. */
  static keyPrefixes(tag: string): string[] {
    return ['demo-creditor', 'demo-registry', 'demo-telco'].map((source) => `${source}:${ScalePopulation.idPrefix(tag)}`);
  }

  static marker(tag: string): string {
    return `:${ScalePopulation.idPrefix(tag)}`;
  }

  private static idPrefix(tag: string): string {
    return `SCALE-${tag}-`;
  }

  *persons(): Generator<ScalePerson, never> {
    for (;;) yield* this.nextSlice();
  }

  private nextSlice(): ScalePerson[] {
    const slice = this.slice++;
    const population = generatePopulation({
      persons: SLICE_PERSONS,
      seed: this.o.seed + slice,
      now: this.o.now,
      postcodesPerCity: POSTCODES_PER_CITY,
    });
    const run = tagPopulation(population, `${ScalePopulation.idPrefix(this.o.tag)}${slice}-`);
    const project = createEventProjector({
      fingerprintKey: createHmac('sha256', this.o.runKey).update(`slice|${slice}`).digest(),
      clock: () => this.o.now,
    });
    const numbers = new Map<string, string>();
    const persons = new Map<string, SourceRecordUpdate[]>();
    for (const { sourceId, event } of run.events) {
      const source = this.o.registry.get(sourceId);
      if (!source) throw new Error(`source ${sourceId} must be in the registry`);
      const projected = project(event, source);
      if (!projected.ok) {
        this.refusedEvents += 1;
        continue;
      }
      const update = this.ownIdentifiers(projected.update, slice, numbers);
      const personId = `${this.o.tag}-${slice}-${run.truth.get(`${sourceId}:${event.sourceRecordId}`)}`;
      persons.set(personId, [...(persons.get(personId) ?? []), update]);
    }
    return [...persons].map(([personId, updates]) => ({ personId, updates }));
  }

  /** The slice's numbers renumbered into the run's block (kept shared where the slice shares them). */
  private ownIdentifiers(update: SourceRecordUpdate, slice: number, numbers: Map<string, string>): SourceRecordUpdate {
    return {
      ...update,
      phones: update.phones.map((p) => ({ ...p, e164: numbers.get(p.e164) ?? this.claimNumber(p.e164, numbers) })),
      emails: update.emails.map((e) => ({ ...e, address: e.address.replace('@', `@s${slice}.${this.o.tag}.`) })),
    };
  }

  private claimNumber(original: string, numbers: Map<string, string>): string {
    if (this.nextNumber >= 10 ** PHONE_DIGITS) throw new Error(`the run's block of ${10 ** PHONE_DIGITS} numbers is used up`);
    const e164 = `${this.o.phonePrefix}${String(this.nextNumber++).padStart(PHONE_DIGITS, '0')}`;
    numbers.set(original, e164);
    return e164;
  }
}
