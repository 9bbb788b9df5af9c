import type { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import type { SyntheticStream } from './synthetic-events.js';

/**
 * The ceiling the ingest path is compared with: the same rows written by plain batched
 * UNWIND … MERGE (record, phone, link), with the service's chunk size and concurrency, and no
 * Kafka, signature, validation, normalization, ledger or ordering check.
 */
export async function rawCeilingEventsPerSecond(graph: Neo4jGraph, rows: SyntheticStream['rows'], chunkSize: number, concurrency: number): Promise<number> {
  await graph.run('CREATE CONSTRAINT bench_raw_record IF NOT EXISTS FOR (r:BenchRawRecord) REQUIRE r.key IS UNIQUE');
  await graph.run('CREATE CONSTRAINT bench_raw_phone IF NOT EXISTS FOR (p:BenchRawPhone) REQUIRE p.e164 IS UNIQUE');
  const chunks: SyntheticStream['rows'][] = [];
  for (let i = 0; i < rows.length; i += chunkSize) chunks.push(rows.slice(i, i + chunkSize));
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      await graph.write((tx) =>
        tx.run(
          `UNWIND $rows AS row
           MERGE (r:BenchRawRecord {key: row.key})
           SET r.eventId = row.eventId, r.observedAtMs = row.observedAtMs
           MERGE (p:BenchRawPhone {e164: row.e164})
           MERGE (r)-[:HAS_PHONE]->(p)`,
          { rows: chunk },
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await dropRaw(graph);
  return rows.length / seconds;
}

async function dropRaw(graph: Neo4jGraph): Promise<void> {
  const session = graph.driver.session();
  try {
    await session.run('MATCH (n) WHERE n:BenchRawRecord OR n:BenchRawPhone CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await graph.run('DROP CONSTRAINT bench_raw_record IF EXISTS');
  await graph.run('DROP CONSTRAINT bench_raw_phone IF EXISTS');
}

/** Removes what the benchmark's own events left in the graph, so a dev database stays usable. */
export async function dropBenchRecords(graph: Neo4jGraph, keyPrefix: string, e164s: string[]): Promise<void> {
  const session = graph.driver.session();
  try {
    // The benchmark's persons go with its records (it makes no person shared with other records).
    await session.run(
      `MATCH (r:Record) WHERE r.key STARTS WITH $prefix
       CALL (r) { OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person) DETACH DELETE r, p } IN TRANSACTIONS OF 5000 ROWS`,
      { prefix: keyPrefix },
    );
    await session.run(
      'UNWIND $e164s AS e164 MATCH (p:Phone {e164: e164}) WHERE NOT (p)--() CALL (p) { DELETE p } IN TRANSACTIONS OF 10000 ROWS',
      { e164s },
    );
  } finally {
    await session.close();
  }
}
