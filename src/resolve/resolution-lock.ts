import { randomInt } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';

/**
 * Stripes of the resolution lock. A streaming chunk holds one, picked at random, so chunks from
 * several partitions and replicas resolve side by side; what keeps them from resolving against each
 * other's unfinished state is that every resolution read write-locks the nodes it reads (see
 * `Neo4jResolutionStore`), so two chunks whose components touch are serialized by Neo4j and a
 * deadlock between them is retried like any transient error. Work that must exclude streaming
 * altogether holds every stripe.
 */
export const RESOLUTION_LOCK_STRIPES = 16;

/**
 * - `stripe`: resolving a chunk or a person; exclusion from other resolvers comes from node locks.
 * - `all`: rebuilds, erasure and the retention purge, which delete or rewrite records and persons
 *   wholesale and must not interleave with any resolving transaction (an erased record must not be
 *   re-created between its tombstone and its deletion).
 */
export type ResolutionLockMode = 'stripe' | 'all';

/** Taken first in the transaction, before any record lock, so lock waits never form a cycle through it. */
export async function lockResolution(tx: ManagedTransaction, mode: ResolutionLockMode): Promise<void> {
  const stripes = mode === 'all' ? [...Array(RESOLUTION_LOCK_STRIPES).keys()] : [randomInt(RESOLUTION_LOCK_STRIPES)];
  // In ascending order, so two holders of all stripes queue up rather than deadlock.
  await tx.run(
    `UNWIND $stripes AS stripe
     MERGE (l:ResolutionLock {id: 'stripe-' + stripe})
     SET l.lockedAt = timestamp()`,
    { stripes },
  );
}
