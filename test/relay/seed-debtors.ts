import { randomInt } from 'node:crypto';
import type { Neo4jGraph } from '../../src/platform/neo4j-graph.js';

/**
 * Many matched, reachable debtors with a case each, written straight into the graph in the shape
 * resolution and case registration leave them — for tests whose subject is the relay, not matching.
 */
export async function seedMatchedCases(graph: Neo4jGraph, o: { tag: string; creditor: string; count: number; now: Date }): Promise<string[]> {
  const base = randomInt(10_000_000);
  const rows = Array.from({ length: o.count }, (_, i) => ({
    i,
    caseId: `${o.tag}-CASE-${i}`,
    phone: `+86198${String((base + i) % 100_000_000).padStart(8, '0')}`,
  }));
  await graph.run(
    `UNWIND $rows AS row
     CREATE (p:Person {id: $tag + '-person-' + row.i, reachability: 'reachable', recordCount: 1,
                       contactsRefreshedAt: datetime($now), createdAt: $now, updatedAt: $now})
     MERGE (ph:Phone {e164: row.phone})
     CREATE (r:Record {key: 'demo-telco:' + $tag + '-' + row.i, sourceId: 'demo-telco', sourceRecordId: $tag + '-' + row.i,
                       observedAt: $now, observedAtMs: $nowMs, retracted: false})
     CREATE (r)-[:RESOLVES_TO {ruleSetVersion: 'seed', decidedAt: $now}]->(p)
     CREATE (r)-[:HAS_PHONE {status: 'active', lastSeenAt: $now, sourceId: 'demo-telco'}]->(ph)
     CREATE (p)-[:HAS_CONTACT {rank: 1, score: 1.0, status: 'active', reachable: true, sources: ['demo-telco'],
                               firstSeenAt: $now, lastSeenAt: $now}]->(ph)
     CREATE (p)-[:BEST_CONTACT]->(ph)
     CREATE (c:Case {key: $creditor + '|' + row.caseId, creditor: $creditor, caseId: row.caseId, state: 'open',
                     registeredAt: $now, matchState: 'matched', matchScore: 40.0, matchedAt: $now, updatedAt: $now})
     CREATE (c)-[:CONCERNS {score: 40.0, matchedAt: $now, ruleSetVersion: 'seed'}]->(p)`,
    { rows, tag: o.tag, creditor: o.creditor, now: o.now.toISOString(), nowMs: o.now.getTime() },
  );
  return rows.map((r) => r.caseId);
}
