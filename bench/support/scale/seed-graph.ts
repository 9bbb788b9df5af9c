import type { Neo4jGraph } from '../../../src/platform/neo4j-graph.js';
import type { MatchableRecord } from '../../../src/resolve/matchable-record.js';
import { flagPhoneConflicts } from '../../../src/resolve/flag-phone-conflicts.js';
import { Neo4jRecordStore, type ResolveInTransaction } from '../../../src/resolve/neo4j-record-store.js';
import { Neo4jResolutionStore } from '../../../src/resolve/neo4j-resolution-store.js';
import { Resolver, type ResolutionOutcome, type ResolverSettings } from '../../../src/resolve/resolver.js';
import { storedRowOf } from '../../../src/resolve/record-view.js';
import { recordKey } from '../../../src/resolve/source-record.js';
import { GatheredWrites, PersonApartStore } from './person-apart-store.js';
import type { ScalePerson } from './scale-population.js';

/**
 * Writes persons into the graph in the shape streaming resolution leaves them: the records through
 * the ingest statement, then, in a second transaction, each person's records resolved by the real
 * resolver apart from everyone else's, and the chunk's block keys, persons, links and contacts
 * written by the graph store's own statements. Resolving each record against the whole graph
 * instead would take hours at a million records; apart, two true persons are never merged, which
 * the accuracy benchmark finds resolution never does either (precision 1.0). The resolution lock is
 * not taken: nothing else resolves these new records, and other services on a shared database are
 * not held up by the seeding. Returns how many records were written.
 */
export async function seedPersons(graph: Neo4jGraph, persons: ScalePerson[], trustOf: (sourceId: string) => number, settings: ResolverSettings): Promise<number> {
  const personOf = new Map(persons.flatMap((p) => p.updates.map((u) => [recordKey(u.sourceId, u.sourceRecordId), p.personId] as const)));
  const updates = persons.flatMap((p) => p.updates);
  const { changedRecords } = await new Neo4jRecordStore(graph).apply(updates);
  const written = new Map(updates.map((u) => [recordKey(u.sourceId, u.sourceRecordId), storedRowOf(u)]));
  await graph.write((tx) => resolveEachPersonApart(personOf, trustOf, settings)(tx, changedRecords, written));
  return changedRecords.length;
}

function resolveEachPersonApart(personOf: ReadonlyMap<string, string>, trustOf: (sourceId: string) => number, settings: ResolverSettings): ResolveInTransaction {
  const resolver = new Resolver(settings);
  return async (tx, changedKeys, written) => {
    const graphStore = new Neo4jResolutionStore(tx, trustOf, { written });
    const records = await graphStore.loadRecords(changedKeys);
    const counts = await graphStore.valueCounts(
      [...new Set(records.flatMap((r) => r.phones.map((p) => p.e164)))],
      [...new Set(records.flatMap((r) => r.addresses.flatMap((a) => (a.key ? [a.key] : []))))],
    );
    const byPerson = new Map<string, MatchableRecord[]>();
    for (const r of records) {
      const person = personOf.get(r.key) ?? r.key;
      byPerson.set(person, [...(byPerson.get(person) ?? []), r]);
    }
    const writes = new GatheredWrites();
    for (const own of byPerson.values()) {
      await resolver.resolve(new PersonApartStore(own, counts, writes), own.map((r) => r.key));
    }
    await graphStore.replaceBlockKeys(writes.blockKeys);
    await graphStore.writeResolution({
      recordKeys: writes.recordKeys,
      retiredPersons: [],
      clusters: writes.clusters,
      possibleMatches: writes.possibleMatches,
      ruleSetVersion: settings.model.version,
    });
    await graphStore.writeContacts(writes.rankings);
    const conflicts = await flagPhoneConflicts(graphStore, writes.rankings.map((r) => r.ranking));
    return { conflicts, componentRecords: records.length, persons: writes.clusters.length, retiredPersons: [], changes: [] } satisfies ResolutionOutcome;
  };
}
