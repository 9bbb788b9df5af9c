import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { ContactPolicy } from './contacts/contact-policy.js';
import type { ResolveInTransaction } from './neo4j-record-store.js';
import { lockResolution } from './resolution-lock.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Reachability decays with time alone: a person nobody reports about stays `reachable` in the graph
 * until something re-ranks them. This pass re-ranks persons whose best contact was last seen
 * longer ago than the policy's stale age, at most once a day each, so `reachable` turns `stale`
 * (and later `unreachable`) on time and relay requests and routing see it.
 */
export async function ageReachability(
  graph: Neo4jGraph,
  resolve: ResolveInTransaction,
  policy: Pick<ContactPolicy, 'staleAfterDays'>,
  now: Date,
  limit = 200,
): Promise<number> {
  const staleCutoff = new Date(now.getTime() - policy.staleAfterDays * DAY_MS).toISOString();
  const due = await graph.read((tx) =>
    tx.run<{ personId: string; recordKeys: string[] }>(
      `MATCH (p:Person) WHERE p.bestContactLastSeenAt < $staleCutoff
         AND p.reachability IN ['reachable', 'stale'] AND coalesce(p.agedAt, '') < $dayAgo
       RETURN p.id AS personId, [(p)<-[:RESOLVES_TO]-(r:Record) | r.key] AS recordKeys
       LIMIT toInteger($limit)`,
      { staleCutoff, dayAgo: new Date(now.getTime() - DAY_MS).toISOString(), limit },
    ),
  );
  for (const row of due.records.map((r) => r.toObject())) {
    await graph.write(async (tx) => {
      await lockResolution(tx, 'stripe');
      await resolve(tx, row.recordKeys);
      await tx.run('MATCH (p:Person {id: $personId}) SET p.agedAt = $now', { personId: row.personId, now: now.toISOString() });
    });
  }
  return due.records.length;
}
