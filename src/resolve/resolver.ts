import { randomUUID } from 'node:crypto';
import { clusterComponent } from './clustering/cluster-component.js';
import { connectedGroups } from './connected-groups.js';
import { flagPhoneConflicts } from './flag-phone-conflicts.js';
import type { ClusteringResult } from './clustering/clustering-result.js';
import type { ContactPolicy } from './contacts/contact-policy.js';
import type { Reachability } from './contacts/contact-point.js';
import { rankContactPoints } from './contacts/rank-contact-points.js';
import type { MatchableRecord } from './matchable-record.js';
import { assignPersonIds } from './person-ids.js';
import { resolutionKeys } from './resolution-keys.js';
import { ResolutionReads } from './resolution-reads.js';
import type { ClusterWrite, PersonState, PossibleMatchWrite, ResolutionStore } from './resolution-store.js';
import type { MatchModel } from './scoring/match-model.js';
import { scorePair } from './scoring/score-pair.js';
import type { ValueFrequencies } from './scoring/value-frequencies.js';

export interface ResolverSettings {
  model: MatchModel;
  contactPolicy: ContactPolicy;
  /** How many records discovery may add around the changed ones; what it holds is still resolved consistently. */
  maxComponentRecords: number;
}

/** A person whose reachability or best contact changed: what collection systems are told about. */
export interface PersonChange {
  personId: string;
  reachability: Reachability;
  previousReachability: string | null;
  bestContactChanged: boolean;
}

export interface ResolutionOutcome {
  /** Numbers among the component's contacts held by two or more persons. */
  conflicts: number;
  componentRecords: number;
  persons: number;
  retiredPersons: string[];
  changes: PersonChange[];
}

/**
 * Re-resolves the connected component around changed records: the records they can match (found
 * through indexed blocking keys, kept when they score at least the review threshold) and every
 * record of the persons involved. The component is clustered from scratch by a deterministic
 * function of its records, so streaming in any order ends where a full rebuild does.
 */
export class Resolver {
  constructor(
    private readonly settings: ResolverSettings,
    private readonly clock: () => Date = () => new Date(),
    private readonly newPersonId: () => string = randomUUID,
  ) {}

  /** The caller holds a stripe of the resolution lock (`lockResolution`) in the transaction `store` is bound to. */
  async resolve(store: ResolutionStore, changedKeys: string[]): Promise<ResolutionOutcome> {
    const changed = await store.loadRecords(changedKeys);
    const live = new Map(changed.map((r) => [r.key, r]));
    await store.replaceBlockKeys(changedKeys.map((key) => ({ key, blockKeys: live.has(key) ? resolutionKeys(live.get(key)!) : [] })));

    const reads = new ResolutionReads(store);
    const component = await this.discoverComponent(store, reads, live, changedKeys);
    const records = [...component.values()];
    const before = await reads.personsOf([...new Set([...changedKeys, ...component.keys()])]);
    const freq = await reads.frequencies(records);
    const result = this.cluster(records, freq);
    const personIds = assignPersonIds(result.clusters.map((c) => c.recordKeys), before, this.newPersonId);
    const clusters = this.clusterWrites(result, personIds, before, component);
    const retired = before.map((p) => p.personId).filter((id) => !personIds.includes(id));

    await store.writeResolution({
      recordKeys: [...new Set([...changedKeys, ...component.keys()])],
      retiredPersons: retired,
      clusters,
      possibleMatches: possibleMatchWrites(result, personIds),
      ruleSetVersion: this.settings.model.version,
    });
    const rankings = clusters.map((c) => ({
      personId: c.personId,
      ranking: rankContactPoints({
        records: c.members.map((m) => component.get(m.recordKey)!),
        supersededPhones: new Set(c.superseded),
        now: this.clock(),
        policy: this.settings.contactPolicy,
      }),
    }));
    await store.writeContacts(rankings);
    const conflicts = await flagPhoneConflicts(store, rankings.map((r) => r.ranking));
    return {
      conflicts,
      componentRecords: records.length,
      persons: clusters.length,
      retiredPersons: retired,
      changes: changesOf(rankings, before),
    };
  }

  /** Each connected group of the component clustered on its own, the results concatenated. */
  private cluster(records: MatchableRecord[], freq: ValueFrequencies): ClusteringResult {
    const groups = connectedGroups(records, (a, b) => this.couldMatch(a, b, freq));
    const results = groups.map((group) => clusterComponent(group, this.settings.model, freq));
    return {
      clusters: results.flatMap((r) => r.clusters),
      possibleMatches: results.flatMap((r) => r.possibleMatches),
    };
  }

  /** Breadth-first over blocking keys; a candidate joins when it could match someone inside. */
  private async discoverComponent(store: ResolutionStore, reads: ResolutionReads, live: Map<string, MatchableRecord>, changedKeys: string[]) {
    const component = new Map(live);
    let frontier = [...live.values(), ...(await this.personRecords(store, reads, changedKeys, component))];
    for (const r of frontier) component.set(r.key, r);
    // The bound is on what discovery adds, not on the changed records themselves: a chunk may
    // change more records than the bound, and each of them must still meet its matches.
    const limit = component.size + this.settings.maxComponentRecords;
    while (frontier.length > 0 && component.size < limit) {
      const { candidates, sharers } = await this.candidatesOf(store, frontier, component);
      const freq = await reads.frequencies([...frontier, ...candidates]);
      // Only pairs that share a key are compared: that is what keeps the cost flat as the graph grows.
      const joined = candidates.filter((c) => (sharers.get(c.key) ?? []).some((r) => this.couldMatch(r, c, freq)));
      for (const r of joined) component.set(r.key, r);
      const housemates = await this.personRecords(store, reads, joined.map((r) => r.key), component);
      for (const r of housemates) component.set(r.key, r);
      frontier = [...joined, ...housemates];
    }
    return component;
  }

  /** New records sharing a key with the frontier, each with the frontier records it shares one with. */
  private async candidatesOf(store: ResolutionStore, frontier: MatchableRecord[], known: Map<string, MatchableRecord>) {
    const keysOf = new Map(frontier.map((r) => [r.key, resolutionKeys(r)]));
    const blocks = await store.blockCandidates([...new Set([...keysOf.values()].flat())]);
    const sharers = new Map<string, MatchableRecord[]>();
    for (const r of frontier) {
      for (const key of keysOf.get(r.key) ?? []) {
        for (const other of blocks.get(key) ?? []) {
          if (known.has(other)) continue;
          const list = sharers.get(other) ?? [];
          if (!list.includes(r)) list.push(r);
          sharers.set(other, list);
        }
      }
    }
    return { candidates: await store.loadRecords([...sharers.keys()]), sharers };
  }

  /** Records of the persons these records belong to now, that the component does not hold yet. */
  private async personRecords(store: ResolutionStore, reads: ResolutionReads, keys: string[], known: Map<string, MatchableRecord>) {
    const persons = await reads.personsOf(keys);
    return store.loadRecords([...new Set(persons.flatMap((p) => p.recordKeys))].filter((k) => !known.has(k)));
  }

  private couldMatch(a: MatchableRecord, b: MatchableRecord, freq: ValueFrequencies): boolean {
    const score = scorePair(a, b, this.settings.model, freq);
    return score.cannotLink === null && score.total >= this.settings.model.reviewThreshold;
  }

  private clusterWrites(result: ClusteringResult, personIds: string[], before: PersonState[], records: Map<string, MatchableRecord>): ClusterWrite[] {
    const supersededBy = supersededByFormerPerson(before, records);
    return result.clusters.map((cluster, i) => {
      const via = new Map(cluster.links.map((l) => [l.recordKey, l]));
      const keys = new Set(cluster.recordKeys);
      const inherited = before.filter((p) => p.recordKeys.some((k) => keys.has(k))).flatMap((p) => supersededBy.get(p.personId) ?? []);
      const reported = cluster.recordKeys.flatMap((k) => reassignedNumbers(records.get(k)));
      return {
        personId: personIds[i]!,
        members: cluster.recordKeys.map((recordKey) => {
          const link = via.get(recordKey);
          return {
            recordKey,
            score: link ? round(link.score.total) : null,
            evidenceJson: link ? JSON.stringify(link.score.evidence) : null,
            viaRecordKey: link?.viaRecordKey ?? null,
          };
        }),
        superseded: [...new Set([...inherited, ...reported])].sort(),
      };
    });
  }
}

/**
 * A number reported reassigned is superseded for the person the reporting record belonged to when
 * it said so, and for every part that person later splits into: the report may be exactly what
 * unlinks the record (its shared number went stale), and the old owner must still never reach it.
 */
function supersededByFormerPerson(before: PersonState[], records: Map<string, MatchableRecord>): Map<string, string[]> {
  return new Map(
    before.map((p) => [p.personId, [...p.superseded, ...p.recordKeys.flatMap((k) => reassignedNumbers(records.get(k)))]]),
  );
}

function reassignedNumbers(record: MatchableRecord | undefined): string[] {
  return (record?.phones ?? []).filter((p) => p.status === 'reassigned').map((p) => p.e164);
}

function possibleMatchWrites(result: ClusteringResult, personIds: string[]): PossibleMatchWrite[] {
  const personOfRecord = new Map<string, string>();
  result.clusters.forEach((c, i) => c.recordKeys.forEach((k) => personOfRecord.set(k, personIds[i]!)));
  return result.possibleMatches.flatMap((pm) => {
    const personId = personOfRecord.get(pm.otherRecordKey);
    return personId === undefined
      ? []
      : [{ recordKey: pm.recordKey, personId, otherRecordKey: pm.otherRecordKey, score: round(pm.score.total), evidenceJson: JSON.stringify(pm.score.evidence) }];
  });
}

function changesOf(rankings: { personId: string; ranking: ReturnType<typeof rankContactPoints> }[], before: PersonState[]): PersonChange[] {
  const previous = new Map(before.map((p) => [p.personId, p]));
  return rankings.flatMap(({ personId, ranking }) => {
    const old = previous.get(personId);
    const bestContactChanged = (old?.bestContact ?? null) !== (ranking.best?.value ?? null);
    const reachabilityChanged = (old?.reachability ?? null) !== ranking.reachability;
    return bestContactChanged || reachabilityChanged
      ? [{ personId, reachability: ranking.reachability, previousReachability: old?.reachability ?? null, bestContactChanged }]
      : [];
  });
}

const round = (n: number) => Math.round(n * 100) / 100;
