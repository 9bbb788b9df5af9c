import type { ManagedTransaction } from 'neo4j-driver';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { DEFAULT_CONTACT_POLICY } from './contacts/contact-policy.js';
import { Neo4jRecordStore, type ResolveInTransaction } from './neo4j-record-store.js';
import { Neo4jResolutionStore } from './neo4j-resolution-store.js';
import { Resolver, type ResolutionOutcome, type ResolverSettings } from './resolver.js';
import { DEFAULT_MODEL } from './scoring/default-model.js';

export const DEFAULT_RESOLVER_SETTINGS: ResolverSettings = {
  model: DEFAULT_MODEL,
  contactPolicy: DEFAULT_CONTACT_POLICY,
  maxComponentRecords: 500,
};

/** Runs in the resolving transaction after resolution, e.g. to queue events about what changed. */
export type AfterResolution = (tx: ManagedTransaction, outcome: ResolutionOutcome) => Promise<void>;

/** The record store ingest uses: every applied chunk is resolved in its own transaction. */
export function resolvingRecordStore(
  graph: Neo4jGraph,
  trustOf: (sourceId: string) => number,
  settings: ResolverSettings = DEFAULT_RESOLVER_SETTINGS,
  clock: () => Date = () => new Date(),
  afterResolution?: AfterResolution,
): Neo4jRecordStore {
  return new Neo4jRecordStore(graph, resolveInTransaction(trustOf, settings, clock, afterResolution));
}

/** Resolution inside a caller's transaction (which holds the resolution lock), then the optional hook. */
export function resolveInTransaction(
  trustOf: (sourceId: string) => number,
  settings: ResolverSettings = DEFAULT_RESOLVER_SETTINGS,
  clock: () => Date = () => new Date(),
  afterResolution?: AfterResolution,
): ResolveInTransaction {
  const resolver = new Resolver(settings, clock);
  return async (tx, keys, written) => {
    const outcome = await resolver.resolve(new Neo4jResolutionStore(tx, trustOf, { written, lockReads: true }), keys);
    if (afterResolution) await afterResolution(tx, outcome);
    return outcome;
  };
}
