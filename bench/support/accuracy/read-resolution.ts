import type { Neo4jGraph } from '../../../src/platform/neo4j-graph.js';

export interface ResolutionSnapshot {
  /** Record key → the person it resolves to (undefined: unresolved). */
  personOf: Map<string, string | undefined>;
  /** Person id → its best contact's E.164. */
  bestContact: Map<string, string>;
  /** POSSIBLE_MATCH relationships from the run's records: the pairs left for human review. */
  reviewBand: number;
  /** Records outside the run resolved to the run's persons: data the run did not write leaked in. */
  foreignRecords: number;
  /** Graph states the model forbids (two persons for one record, two best contacts), counted. */
  anomalies: Record<string, number>;
}

const ID_CHUNK = 5_000;

/** Reads the final resolution of the run's records: one indexed prefix scan per source. */
export async function readResolution(
  graph: Neo4jGraph,
  keyPrefixes: readonly string[],
  marker: string,
): Promise<ResolutionSnapshot> {
  const personOf = new Map<string, string | undefined>();
  const anomalies: Record<string, number> = {};
  let reviewBand = 0;
  for (const prefix of keyPrefixes) {
    const links = await graph.run(
      `MATCH (r:Record) WHERE r.key STARTS WITH $prefix
       OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person)
       RETURN r.key AS key, p.id AS personId`,
      { prefix },
    );
    for (const row of links.records) {
      const key = row.get('key') as string;
      const personId = (row.get('personId') as string | null) ?? undefined;
      if (personOf.has(key))
        anomalies.recordsWithSeveralPersons = (anomalies.recordsWithSeveralPersons ?? 0) + 1;
      personOf.set(key, personId);
    }
    const review = await graph.run(
      `MATCH (r:Record) WHERE r.key STARTS WITH $prefix
       MATCH (r)-[m:POSSIBLE_MATCH]->(:Person)
       RETURN count(m) AS n`,
      { prefix },
    );
    reviewBand += Number(review.records[0]?.get('n') ?? 0);
  }

  const personIds = [
    ...new Set([...personOf.values()].filter((id): id is string => id !== undefined)),
  ];
  const bestContact = new Map<string, string>();
  let foreignRecords = 0;
  for (let i = 0; i < personIds.length; i += ID_CHUNK) {
    const ids = personIds.slice(i, i + ID_CHUNK);
    const best = await graph.run(
      `UNWIND $ids AS id
       MATCH (p:Person {id: id})-[:BEST_CONTACT]->(ph:Phone)
       RETURN p.id AS personId, collect(ph.e164) AS best`,
      { ids },
    );
    for (const row of best.records) {
      const numbers = row.get('best') as string[];
      if (numbers.length > 1)
        anomalies.personsWithSeveralBestContacts =
          (anomalies.personsWithSeveralBestContacts ?? 0) + 1;
      if (numbers[0] !== undefined) bestContact.set(row.get('personId') as string, numbers[0]);
    }
    const foreign = await graph.run(
      `UNWIND $ids AS id
       MATCH (:Person {id: id})<-[:RESOLVES_TO]-(o:Record)
       WHERE NOT o.key CONTAINS $marker
       RETURN count(o) AS n`,
      { ids, marker },
    );
    foreignRecords += Number(foreign.records[0]?.get('n') ?? 0);
  }
  return { personOf, bestContact, reviewBand, foreignRecords, anomalies };
}

/** How many of these numbers records outside the run already list: shared numbers can pull runs together. */
export async function numbersHeldElsewhere(
  graph: Neo4jGraph,
  e164s: readonly string[],
  marker: string,
): Promise<number> {
  const result = await graph.run(
    `UNWIND $e164s AS e164
     MATCH (:Phone {e164: e164})<-[:HAS_PHONE]-(r:Record)
     WHERE NOT r.key CONTAINS $marker
     RETURN count(DISTINCT e164) AS n`,
    { e164s, marker },
  );
  return Number(result.records[0]?.get('n') ?? 0);
}
