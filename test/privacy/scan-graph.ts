import type { Neo4jGraph } from '../../src/platform/neo4j-graph.js';

export interface Finding {
  where: string;
  property: string;
  needle: string;
}

const MATCHING = `
UNWIND keys(x) AS k
WITH x, k, x[k] AS v
WITH x, k, CASE WHEN v IS :: LIST<ANY> THEN [i IN v | toString(i)] ELSE [toString(v)] END AS texts
UNWIND texts AS t
UNWIND $needles AS needle
WITH x, k, needle WHERE t CONTAINS needle`;

/**
 * Every node and relationship property, of the whole database, holding any of the needles (as a
 * value, inside a list, or inside JSON text). Slow by design: it reads everything.
 */
export async function scanGraph(graph: Neo4jGraph, needles: string[]): Promise<Finding[]> {
  const nodes = await graph.run<Finding>(
    `MATCH (x) ${MATCHING} RETURN DISTINCT reduce(s = '', l IN labels(x) | s + ':' + l) AS where, k AS property, needle LIMIT 100`,
    { needles },
  );
  const relationships = await graph.run<Finding>(
    `MATCH ()-[x]->() ${MATCHING} RETURN DISTINCT '-[:' + type(x) + ']-' AS where, k AS property, needle LIMIT 100`,
    { needles },
  );
  return [...nodes.records, ...relationships.records].map((r) => ({ where: r.get('where'), property: r.get('property'), needle: r.get('needle') }));
}
