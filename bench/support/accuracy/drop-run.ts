import type { Neo4jGraph } from '../../../src/platform/neo4j-graph.js';

/**
 * Removes the run's records and every person only they resolve to, in batches so no transaction
 * outgrows the heap, then the run's numbers nothing links to any more. A person some record
 * outside the run resolves to is left for that record's owner. Blocking keys, emails and id
 * fingerprints the run alone used stay as orphan nodes: nothing reaches them.
 */
export async function dropRun(
  graph: Neo4jGraph,
  keyPrefixes: readonly string[],
  marker: string,
  e164s: readonly string[],
): Promise<void> {
  const session = graph.driver.session();
  try {
    for (const prefix of keyPrefixes) {
      await session.run(
        `MATCH (r:Record) WHERE r.key STARTS WITH $prefix
         CALL (r) {
           OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person)
           WHERE NOT EXISTS { MATCH (p)<-[:RESOLVES_TO]-(o:Record) WHERE NOT o.key CONTAINS $marker }
           DETACH DELETE r, p
         } IN TRANSACTIONS OF 2000 ROWS`,
        { prefix, marker },
      );
    }
    await session.run(
      `UNWIND $e164s AS e164
       MATCH (ph:Phone {e164: e164}) WHERE NOT (ph)--()
       CALL (ph) { DELETE ph } IN TRANSACTIONS OF 10000 ROWS`,
      { e164s },
    );
  } finally {
    await session.close();
  }
}
