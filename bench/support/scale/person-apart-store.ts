import type { ContactRanking } from '../../../src/resolve/contacts/contact-point.js';
import type { MatchableRecord } from '../../../src/resolve/matchable-record.js';
import type { PossibleMatchWrite, ClusterWrite, ResolutionStore, ResolutionWrite } from '../../../src/resolve/resolution-store.js';

/** What resolving many persons apart wrote, gathered so it can go to the graph in one statement each. */
export class GatheredWrites {
  readonly blockKeys: { key: string; blockKeys: string[] }[] = [];
  readonly recordKeys: string[] = [];
  readonly clusters: ClusterWrite[] = [];
  readonly possibleMatches: PossibleMatchWrite[] = [];
  readonly rankings: { personId: string; ranking: ContactRanking }[] = [];

  add(write: ResolutionWrite): void {
    this.recordKeys.push(...write.recordKeys);
    this.clusters.push(...write.clusters);
    this.possibleMatches.push(...write.possibleMatches);
  }
}

/**
 * The resolution store of one true person's records, none of them resolved yet: the resolver
 * clusters them and ranks their contacts as it would in the graph, without looking for anyone
 * else's records, and its writes are gathered. Value counts (how many records hold a number or an
 * address) come from the graph, asked once for a whole chunk. Conflicts between persons are
 * flagged once the chunk's persons are all written, so the per-person store claims no numbers.
 */
export class PersonApartStore implements ResolutionStore {
  private readonly records: Map<string, MatchableRecord>;

  constructor(
    records: MatchableRecord[],
    private readonly counts: { phones: Map<string, number>; addresses: Map<string, number> },
    private readonly writes: GatheredWrites,
  ) {
    this.records = new Map(records.map((r) => [r.key, r]));
  }

  loadRecords(keys: string[]): Promise<MatchableRecord[]> {
    return Promise.resolve(keys.flatMap((k) => this.records.get(k) ?? []));
  }

  replaceBlockKeys(rows: { key: string; blockKeys: string[] }[]): Promise<void> {
    this.writes.blockKeys.push(...rows);
    return Promise.resolve();
  }

  /** Every record of the person is already in the component, so no key can find anyone new. */
  blockCandidates(): Promise<Map<string, string[]>> {
    return Promise.resolve(new Map<string, string[]>());
  }

  personsOf(): Promise<[]> {
    return Promise.resolve([]);
  }

  valueCounts(e164s: string[], addressKeys: string[]) {
    const pick = (counts: Map<string, number>, keys: string[]) => new Map(keys.flatMap((k) => (counts.has(k) ? [[k, counts.get(k)!] as const] : [])));
    return Promise.resolve({ phones: pick(this.counts.phones, e164s), addresses: pick(this.counts.addresses, addressKeys) });
  }

  writeResolution(write: ResolutionWrite): Promise<void> {
    this.writes.add(write);
    return Promise.resolve();
  }

  writeContacts(rankings: { personId: string; ranking: ContactRanking }[]): Promise<void> {
    this.writes.rankings.push(...rankings);
    return Promise.resolve();
  }

  phoneClaims(): Promise<[]> {
    return Promise.resolve([]);
  }

  writePhoneConflicts(): Promise<void> {
    return Promise.resolve();
  }
}
