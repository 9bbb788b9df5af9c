import type { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import type { ReferenceRecord } from './chaos-stream.js';

export interface StreamVerdict {
  records: number;
  /** Records absent from the graph. */
  missing: number;
  /** Keys stored by more than one (:Record) node. */
  duplicateRecords: number;
  /** Records holding another version than the newest by (observedAtMs, eventId). */
  wrongVersion: number;
  /** Records whose phones are not exactly the winning version's one number. */
  wrongPhones: number;
  /** Events of a record that the record never saw. */
  lostEvents: number;
  /** Event ids a record saw more than once, or that are not its events. */
  duplicatedEvents: number;
  examples: string[];
}

const PAGE = 5_000;

/** The graph's records against the reference state, in pages so that 100,000-event streams fit. */
export async function streamVerdict(graph: Neo4jGraph, reference: Map<string, ReferenceRecord>): Promise<StreamVerdict> {
  const verdict: StreamVerdict = { records: reference.size, missing: 0, duplicateRecords: 0, wrongVersion: 0, wrongPhones: 0, lostEvents: 0, duplicatedEvents: 0, examples: [] };
  const note = (problem: string) => verdict.examples.length < 10 && verdict.examples.push(problem);
  const keys = [...reference.keys()];
  for (let i = 0; i < keys.length; i += PAGE) {
    const result = await graph.run(
      `UNWIND $keys AS key
       MATCH (r:Record {key: key})
       OPTIONAL MATCH (r)-[:HAS_PHONE]->(p:Phone)
       WITH key, r, collect(p.e164) AS phones
       RETURN key, collect({eventId: r.eventId, observedAtMs: r.observedAtMs, eventIds: r.eventIds, phones: phones}) AS nodes`,
      { keys: keys.slice(i, i + PAGE) },
    );
    const found = new Map(result.records.map((r) => [r.get('key') as string, r.get('nodes') as StoredRecord[]]));
    for (const key of keys.slice(i, i + PAGE)) {
      const want = reference.get(key)!;
      const nodes = found.get(key) ?? [];
      if (nodes.length === 0) {
        verdict.missing++;
        note(`${key}: missing`);
        continue;
      }
      if (nodes.length > 1) {
        verdict.duplicateRecords++;
        note(`${key}: ${nodes.length} record nodes`);
      }
      const got = nodes[0]!;
      if (got.eventId !== want.eventId || got.observedAtMs !== want.observedAtMs) {
        verdict.wrongVersion++;
        note(`${key}: holds ${got.eventId} at ${got.observedAtMs}, want ${want.eventId} at ${want.observedAtMs}`);
      }
      if (got.phones.length !== 1 || got.phones[0] !== want.phone) {
        verdict.wrongPhones++;
        note(`${key}: ${got.phones.length} phones, ${got.phones.includes(want.phone) ? 'including' : 'without'} the winning one`);
      }
      const seen = got.eventIds ?? [];
      const lost = [...want.eventIds].filter((id) => !seen.includes(id)).length;
      const extra = seen.length - (want.eventIds.size - lost);
      verdict.lostEvents += lost;
      verdict.duplicatedEvents += extra;
      if (lost > 0 || extra > 0) note(`${key}: ${lost} events never seen, ${extra} seen twice or foreign`);
    }
  }
  return verdict;
}

export function isClean(v: StreamVerdict): boolean {
  return v.missing + v.duplicateRecords + v.wrongVersion + v.wrongPhones + v.lostEvents + v.duplicatedEvents === 0;
}

interface StoredRecord {
  eventId: string;
  observedAtMs: number;
  eventIds: string[] | null;
  phones: string[];
}
