import type { ManagedTransaction } from 'neo4j-driver';
import type { PersonChange } from '../resolve/resolver.js';

/**
 * Queues a `contact.refreshed` event for every open case about a person whose reachability or best
 * contact just changed, in the same transaction as the change: the event exists exactly when the
 * change committed. Only case-level facts are queued; the person and the number stay behind.
 */
export async function queueContactRefreshed(tx: ManagedTransaction, changes: PersonChange[], now: Date, topic: string): Promise<void> {
  if (changes.length === 0) return;
  await tx.run(
    `UNWIND $changes AS ch
     MATCH (c:Case)-[:CONCERNS]->(:Person {id: ch.personId})
     WHERE c.state = 'open'
     CREATE (:OutboxEvent {id: randomUUID(), topic: $topic, key: c.creditor + ':' + c.caseId,
                           creditor: c.creditor, caseId: c.caseId, reachability: ch.reachability,
                           bestContactChanged: ch.bestContactChanged, at: $now, atMs: $nowMs})`,
    {
      changes: changes.map((c) => ({ personId: c.personId, reachability: c.reachability, bestContactChanged: c.bestContactChanged })),
      now: now.toISOString(),
      nowMs: now.getTime(),
      topic,
    },
  );
}

/** After a case is matched again (say, once its person's records arrived), its creditor hears of it. */
export async function queueCaseRefreshed(tx: ManagedTransaction, caseKey: string, now: Date, topic: string): Promise<void> {
  await tx.run(
    `MATCH (c:Case {key: $caseKey})-[:CONCERNS]->(p:Person)
     WHERE c.state = 'open'
     CREATE (:OutboxEvent {id: randomUUID(), topic: $topic, key: c.creditor + ':' + c.caseId,
                           creditor: c.creditor, caseId: c.caseId, reachability: coalesce(p.reachability, 'unreachable'),
                           bestContactChanged: true, at: $now, atMs: $nowMs})`,
    { caseKey, now: now.toISOString(), nowMs: now.getTime(), topic },
  );
}
