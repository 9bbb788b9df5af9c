import type { ManagedTransaction } from 'neo4j-driver';
import type { RestrictionReason } from '../../contracts/api/subjects.v1.js';
import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { ResolveInTransaction } from '../resolve/neo4j-record-store.js';
import { lockResolution } from '../resolve/resolution-lock.js';
import { restrictionsOf, withRestriction, withoutRestriction, type HeldRestrictions } from './held-restrictions.js';
import { neighboursOf, purgeRecords } from './purge-records.js';
import { subjectHoldingsOf, type SubjectHoldingsRow } from './subject-holdings-row.js';
import type { SubjectHoldings } from './subject-holdings.js';
import type { ErasedRecord, ErasureOutcome, ErasureTombstone, SubjectRestriction, SubjectStore } from './subject-store.js';

interface RecordRestrictions extends HeldRestrictions {
  key: string;
}

export class Neo4jSubjectStore implements SubjectStore {
  /** `resolve` re-resolves records in the caller's transaction, which holds the resolution lock. */
  constructor(
    private readonly graph: Neo4jGraph,
    private readonly resolve: ResolveInTransaction,
  ) {}

  async restrictions(personId: string): Promise<SubjectRestriction[] | undefined> {
    const held = await this.graph.read((tx) => this.heldRestrictions(tx, personId));
    return held && restrictionsOf(held);
  }

  restrict(personId: string, reason: RestrictionReason, note: string | null, now: Date): Promise<SubjectRestriction[] | undefined> {
    return this.rewriteRestrictions(personId, (held) => withRestriction(held, reason, note, now));
  }

  lift(personId: string, reason: RestrictionReason | undefined): Promise<SubjectRestriction[] | undefined> {
    return this.rewriteRestrictions(personId, (held) => withoutRestriction(held, reason));
  }

  /** Under the resolution lock, so no merge or split moves the person's records meanwhile. */
  private rewriteRestrictions(personId: string, change: (held: HeldRestrictions) => HeldRestrictions) {
    return this.graph.write(async (tx) => {
      await lockResolution(tx, 'all');
      const held = await this.heldRestrictions(tx, personId);
      if (held === undefined) return undefined;
      const rows = held.map((r) => {
        const next = change(r);
        return { key: r.key, restrictions: next.restrictions.length === 0 ? null : next.restrictions, detailsJson: next.detailsJson };
      });
      await tx.run(
        `UNWIND $rows AS row
         MATCH (r:Record {key: row.key})
         SET r.restrictions = row.restrictions, r.restrictionDetailsJson = row.detailsJson`,
        { rows },
      );
      return restrictionsOf(rows.map((r) => ({ restrictions: r.restrictions ?? [], detailsJson: r.detailsJson })));
    });
  }

  private async heldRestrictions(tx: ManagedTransaction, personId: string): Promise<RecordRestrictions[] | undefined> {
    const result = await tx.run<{ records: RecordRestrictions[] }>(
      `MATCH (p:Person {id: $personId})
       RETURN [(p)<-[:RESOLVES_TO]-(r:Record) |
               {key: r.key, restrictions: coalesce(r.restrictions, []), detailsJson: r.restrictionDetailsJson}] AS records`,
      { personId },
    );
    return result.records[0]?.get('records');
  }

  async holdings(personId: string): Promise<SubjectHoldings | undefined> {
    const result = await this.graph.read((tx) => tx.run(cypher('subject-holdings'), { personId }));
    const row = result.records[0];
    return row && subjectHoldingsOf(row.toObject() as unknown as SubjectHoldingsRow);
  }

  async erase(personId: string, now: Date, tombstoneOf: (record: ErasedRecord) => ErasureTombstone): Promise<ErasureOutcome | undefined> {
    return this.graph.write(async (tx) => {
      await lockResolution(tx, 'all');
      const records = await this.recordsOf(tx, personId);
      if (records === undefined) return undefined;
      const keys = records.map((r) => r.key);
      const neighbours = await neighboursOf(tx, keys);
      const erased = await tx.run<{ cases: number; tombstones: number }>(cypher('erase-subject'), {
        personId,
        now: now.toISOString(),
        tombstones: records.map(tombstoneOf),
      });
      const purge = await purgeRecords(tx, keys, now);
      // A person with no records is removed by the purge; this covers a person whose records all
      // were retracted or unlinked meanwhile.
      await tx.run('MATCH (p:Person {id: $personId}) DETACH DELETE p', { personId });
      if (neighbours.length > 0) await this.resolve(tx, neighbours);
      return {
        records: purge.deleted,
        casesMarkedErased: erased.records[0]?.get('cases') ?? 0,
        tombstones: erased.records[0]?.get('tombstones') ?? 0,
        reresolvedRecords: neighbours.length,
      };
    });
  }

  private async recordsOf(tx: ManagedTransaction, personId: string): Promise<ErasedRecord[] | undefined> {
    const result = await tx.run<{ records: ErasedRecord[] }>(
      `MATCH (p:Person {id: $personId})
       RETURN [(p)<-[:RESOLVES_TO]-(r:Record) | {key: r.key, sourceId: r.sourceId, legalBasis: r.legalBasis}] AS records`,
      { personId },
    );
    return result.records[0]?.get('records');
  }
}
