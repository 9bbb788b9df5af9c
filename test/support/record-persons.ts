import type { Neo4jGraph } from '../../src/platform/neo4j-graph.js';

/** Each record's persons (none when unresolved, one when resolved; more would be a bug to report). */
export async function personsOfRecords(graph: Neo4jGraph, keys: string[]): Promise<Map<string, string[]>> {
  const result = await graph.run<{ key: string; persons: string[] }>(
    'UNWIND $keys AS key MATCH (r:Record {key: key}) OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person) RETURN key, collect(p.id) AS persons',
    { keys },
  );
  return new Map(result.records.map((r) => [r.get('key'), r.get('persons')]));
}

/** The resolved records' clusters as sorted lists of record keys, sorted: comparable whatever the person ids. */
export async function partitionOf(graph: Neo4jGraph, keys: string[]): Promise<string[][]> {
  const byPerson = new Map<string, string[]>();
  for (const [key, [person]] of await personsOfRecords(graph, keys)) {
    if (person !== undefined) byPerson.set(person, [...(byPerson.get(person) ?? []), key]);
  }
  return [...byPerson.values()].map((cluster) => cluster.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
