import type { RestrictionReason } from '../../contracts/api/subjects.v1.js';
import { restrictionsOf, withRestriction, withoutRestriction, type HeldRestrictions } from '../../src/privacy/held-restrictions.js';
import type { SubjectHoldings } from '../../src/privacy/subject-holdings.js';
import type { ErasedRecord, ErasureOutcome, ErasureTombstone, SubjectRestriction, SubjectStore } from '../../src/privacy/subject-store.js';

/** Persons with one record each, in memory: enough for the service's and the routes' rules. */
export class InMemorySubjectStore implements SubjectStore {
  readonly persons = new Map<string, { held: HeldRestrictions; records: ErasedRecord[] }>();
  readonly tombstones: ErasureTombstone[] = [];

  add(personId: string, records: ErasedRecord[] = []): void {
    this.persons.set(personId, { held: { restrictions: [], detailsJson: null }, records });
  }

  async restrictions(personId: string): Promise<SubjectRestriction[] | undefined> {
    const p = this.persons.get(personId);
    return p && restrictionsOf([p.held]);
  }

  async restrict(personId: string, reason: RestrictionReason, note: string | null, now: Date) {
    const p = this.persons.get(personId);
    if (!p) return undefined;
    p.held = withRestriction(p.held, reason, note, now);
    return restrictionsOf([p.held]);
  }

  async lift(personId: string, reason: RestrictionReason | undefined) {
    const p = this.persons.get(personId);
    if (!p) return undefined;
    p.held = withoutRestriction(p.held, reason);
    return restrictionsOf([p.held]);
  }

  async holdings(personId: string): Promise<SubjectHoldings | undefined> {
    const p = this.persons.get(personId);
    if (!p) return undefined;
    return { personId, reachability: 'reachable', records: [], contacts: [], restrictions: restrictionsOf([p.held]), cases: [], bindings: [] };
  }

  async erase(personId: string, _now: Date, tombstoneOf: (r: ErasedRecord) => ErasureTombstone): Promise<ErasureOutcome | undefined> {
    const p = this.persons.get(personId);
    if (!p) return undefined;
    this.persons.delete(personId);
    this.tombstones.push(...p.records.map(tombstoneOf));
    return { records: p.records.length, casesMarkedErased: 0, tombstones: p.records.length, reresolvedRecords: 0 };
  }
}
