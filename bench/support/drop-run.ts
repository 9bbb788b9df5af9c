import type { Neo4jGraph } from '../../src/platform/neo4j-graph.js';

/**
 * Removes a run's records, every person only they resolve to, and every number, email, id
 * fingerprint, third party and blocking key that nothing else holds once they are gone. In batches,
 * so no transaction outgrows the heap however large the run. A person some record outside the run
 * resolves to is left for that record's owner; an identifier or key others hold stays.
 */
export async function dropRun(
  graph: Neo4jGraph,
  keyPrefixes: readonly string[],
  marker: string,
): Promise<void> {
  const session = graph.driver.session();
  try {
    for (const prefix of keyPrefixes) {
      await session.run(
        `MATCH (r:Record) WHERE r.key STARTS WITH $prefix
         CALL (r) {
           OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person)
           WHERE NOT EXISTS { MATCH (p)<-[:RESOLVES_TO]-(o:Record) WHERE NOT o.key CONTAINS $marker }
           OPTIONAL MATCH (r)-[:HAS_PHONE|HAS_EMAIL|HAS_NATIONAL_ID|REPORTS_THIRD_PARTY|IN_BLOCK]->(n)
           WITH r, p, collect(n) AS held
           DETACH DELETE r, p
           WITH held
           UNWIND held AS n
           WITH DISTINCT n WHERE NOT EXISTS { (n)--() }
           DELETE n
         } IN TRANSACTIONS OF 1000 ROWS`,
        { prefix, marker },
      );
    }
  } finally {
    await session.close();
  }
}
