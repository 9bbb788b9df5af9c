import type { Population, PopulationEvent } from './population/generate-population.js';

export interface TaggedPopulation {
  events: PopulationEvent[];
  /** `sourceId:<idPrefix><original id>` → the true person id. */
  truth: Map<string, string>;
  /** Per source, the key prefix all of the run's records start with (the Record.key index serves it). */
  keyPrefixes: string[];
  /** In every record key of the run and in no other. */
  marker: string;
}

/**
 * The population with every source record id prefixed by `idPrefix` (which names the run, e.g.
 * `ACC-<tag>-`), so runs never write into each other's records. Event ids stay as generated: the
 * service deduplicates per record.
 */
export function tagPopulation(population: Population, idPrefix: string): TaggedPopulation {
  const events = population.events.map(({ sourceId, event }) => ({
    sourceId,
    event: { ...event, sourceRecordId: idPrefix + event.sourceRecordId },
  }));
  const truth = new Map<string, string>();
  for (const [key, person] of population.truth) {
    const at = key.indexOf(':');
    truth.set(`${key.slice(0, at)}:${idPrefix}${key.slice(at + 1)}`, person);
  }
  const sources = [...new Set(events.map((e) => e.sourceId))].sort();
  return {
    events,
    truth,
    keyPrefixes: sources.map((s) => `${s}:${idPrefix}`),
    marker: `:${idPrefix}`,
  };
}
