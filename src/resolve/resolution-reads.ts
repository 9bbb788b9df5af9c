import type { MatchableRecord } from './matchable-record.js';
import type { PersonState, ResolutionStore } from './resolution-store.js';
import { commonNameFrequencies } from './scoring/common-names.js';
import type { ValueFrequencies } from './scoring/value-frequencies.js';

/**
 * The reads of one resolution, each asked of the graph once: discovery asks for the same persons
 * and value counts again and again. Safe because every read happens before the first write.
 */
export class ResolutionReads {
  private readonly personOfRecord = new Map<string, string | null>();
  private readonly persons = new Map<string, PersonState>();
  private readonly phoneCounts = new Map<string, number>();
  private readonly addressCounts = new Map<string, number>();

  constructor(private readonly store: Pick<ResolutionStore, 'personsOf' | 'valueCounts'>) {}

  async personsOf(recordKeys: string[]): Promise<PersonState[]> {
    const unknown = recordKeys.filter((k) => !this.personOfRecord.has(k));
    if (unknown.length > 0) {
      for (const person of await this.store.personsOf(unknown)) {
        this.persons.set(person.personId, person);
        for (const key of person.recordKeys) this.personOfRecord.set(key, person.personId);
      }
      for (const key of unknown) if (!this.personOfRecord.has(key)) this.personOfRecord.set(key, null);
    }
    const ids = new Set(recordKeys.map((k) => this.personOfRecord.get(k)).filter((id): id is string => typeof id === 'string'));
    return [...ids].map((id) => this.persons.get(id)!);
  }

  /**
   * Names weigh by the built-in table of common names (stable, so arrival order cannot change a
   * score); phones and addresses by how many records hold them now.
   */
  async frequencies(records: MatchableRecord[]): Promise<ValueFrequencies> {
    const e164s = [...new Set(records.flatMap((r) => r.phones.map((p) => p.e164)))].filter((e) => !this.phoneCounts.has(e));
    const keys = [...new Set(records.flatMap((r) => r.addresses.flatMap((a) => (a.key ? [a.key] : []))))].filter((k) => !this.addressCounts.has(k));
    if (e164s.length > 0 || keys.length > 0) {
      const counts = await this.store.valueCounts(e164s, keys);
      for (const e of e164s) this.phoneCounts.set(e, counts.phones.get(e) ?? 1);
      for (const k of keys) this.addressCounts.set(k, counts.addresses.get(k) ?? 1);
    }
    return {
      nameShare: (latinKey) => commonNameFrequencies.nameShare(latinKey),
      phoneHolders: (e164) => Math.max(1, this.phoneCounts.get(e164) ?? 1),
      addressHolders: (key) => Math.max(1, this.addressCounts.get(key) ?? 1),
    };
  }
}
