import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../platform/cypher-file.js';
import type { ContactPoint, ContactRanking } from './contacts/contact-point.js';
import { STRONG_CLAIM_STRENGTH, type PhoneClaim, type PhoneConflict } from './contacts/phone-conflicts.js';
import type { MatchableRecord } from './matchable-record.js';
import { toMatchableRecord, type StoredRecordRow } from './record-view.js';
import type { PersonState, ResolutionStore, ResolutionWrite } from './resolution-store.js';

/** Above this many records a blocking key finds nobody: it no longer tells people apart. */
export const MAX_BLOCK_SIZE = 100;

export interface ResolutionStoreOptions {
  /** Views this transaction wrote (null: retracted): served without a read. */
  written?: ReadonlyMap<string, StoredRecordRow | null>;
  /**
   * Write-lock every node a read depends on before reading it (two-phase locking), for resolving
   * transactions that hold one stripe of the resolution lock and so run beside other resolutions.
   * Off in read-only transactions and under the whole lock, where nothing else resolves meanwhile.
   */
  lockReads?: boolean;
}

export class Neo4jResolutionStore implements ResolutionStore {
  private readonly written: ReadonlyMap<string, StoredRecordRow | null>;
  private readonly lockReads: boolean;
  /** What this transaction has locked, by lock statement: a lock is held until commit, so once is enough. */
  private readonly held = new Map<string, Set<string>>();

  constructor(
    private readonly tx: ManagedTransaction,
    private readonly trustOf: (sourceId: string) => number,
    options: ResolutionStoreOptions = {},
  ) {
    this.written = options.written ?? new Map();
    this.lockReads = options.lockReads ?? false;
  }

  async loadRecords(keys: string[]): Promise<MatchableRecord[]> {
    const rows: StoredRecordRow[] = [];
    const unread = keys.filter((key) => {
      const row = this.written.get(key);
      if (row !== undefined && row !== null) rows.push(row);
      return row === undefined;
    });
    if (unread.length > 0) {
      await this.lock('lock-records', 'keys', unread);
      const result = await this.tx.run(cypher('load-matchable-records'), { keys: unread });
      for (const r of result.records) rows.push(r.toObject() as unknown as StoredRecordRow);
    }
    return rows.map((row) => toMatchableRecord(row, this.trustOf(row.sourceId)));
  }

  async replaceBlockKeys(rows: { key: string; blockKeys: string[] }[]): Promise<void> {
    if (rows.length > 0) await this.tx.run(cypher('replace-block-keys'), { rows });
  }

  async blockCandidates(blockKeys: string[]): Promise<Map<string, string[]>> {
    if (blockKeys.length === 0) return new Map();
    await this.lock('lock-block-keys', 'values', blockKeys);
    const result = await this.tx.run<{ blockKey: string; recordKeys: string[] }>(cypher('block-candidates'), {
      blockKeys,
      maxBlock: MAX_BLOCK_SIZE,
    });
    return new Map(result.records.map((r) => [r.get('blockKey'), r.get('recordKeys')]));
  }

  async personsOf(recordKeys: string[]): Promise<PersonState[]> {
    if (recordKeys.length === 0) return [];
    // The records themselves were locked when they were loaded (or written, for changed ones).
    await this.lock('lock-persons-of-records', 'keys', recordKeys);
    const result = await this.tx.run(cypher('resolution-state'), { keys: recordKeys });
    return result.records.map((r) => r.toObject() as unknown as PersonState);
  }

  async valueCounts(e164s: string[], addressKeys: string[]) {
    if (e164s.length === 0 && addressKeys.length === 0) return { phones: new Map<string, number>(), addresses: new Map<string, number>() };
    await this.lock('lock-phones', 'e164s', e164s);
    await this.lock('lock-block-keys', 'values', addressKeys.map((k) => `ad:${k}`));
    const result = await this.tx.run<{ phones: [string, number][]; addresses: [string, number][] }>(
      `CALL () { UNWIND $e164s AS e164 MATCH (p:Phone {e164: e164})
                 RETURN collect([e164, COUNT { (p)<-[:HAS_PHONE]-() }]) AS phones }
       CALL () { UNWIND $addressKeys AS k MATCH (b:BlockKey {value: 'ad:' + k})
                 RETURN collect([k, COUNT { (b)<-[:IN_BLOCK]-() }]) AS addresses }
       RETURN phones, addresses`,
      { e164s, addressKeys },
    );
    const row = result.records[0];
    return { phones: new Map(row?.get('phones') ?? []), addresses: new Map(row?.get('addresses') ?? []) };
  }

  async writeResolution(write: ResolutionWrite): Promise<void> {
    const members = write.clusters.flatMap((c) => c.members.map((m) => ({ ...m, personId: c.personId })));
    const linked = new Set(members.map((m) => m.recordKey));
    await this.tx.run(cypher('write-clusters'), {
      ...write,
      members,
      unlinked: write.recordKeys.filter((k) => !linked.has(k)),
    });
  }

  async phoneClaims(e164s: string[]): Promise<PhoneClaim[]> {
    if (e164s.length === 0) return [];
    await this.lock('lock-phones', 'e164s', e164s);
    const result = await this.tx.run<{ e164: string; personId: string; firstSeenAt: string; status: string; reachable: boolean }>(
      cypher('phone-claims'),
      { e164s },
    );
    return result.records.map((r) => ({
      e164: r.get('e164'),
      personId: r.get('personId'),
      lastSeenAtMs: Date.parse(r.get('firstSeenAt')),
      strength: claimStrength(r.get('status'), r.get('reachable')),
    }));
  }

  /** Values sorted, so two transactions locking the same nodes take them in the same order. */
  private async lock(statement: string, parameter: string, values: string[]): Promise<void> {
    if (!this.lockReads) return;
    const held = this.held.get(statement) ?? new Set<string>();
    this.held.set(statement, held);
    const fresh = [...new Set(values)].filter((v) => !held.has(v));
    if (fresh.length === 0) return;
    await this.tx.run(cypher(statement), { [parameter]: fresh.sort() });
    for (const v of fresh) held.add(v);
  }

  async writePhoneConflicts(e164s: string[], conflicts: PhoneConflict[]): Promise<void> {
    if (e164s.length === 0) return;
    const byNumber = new Map(conflicts.map((c) => [c.e164, c]));
    const rows = e164s.map((e164) => {
      const conflict = byNumber.get(e164);
      return { e164, personIds: conflict?.personIds ?? [], since: conflict ? new Date(conflict.since).toISOString() : null };
    });
    await this.tx.run(cypher('write-phone-conflicts'), { rows });
  }

  async writeContacts(rankings: { personId: string; ranking: ContactRanking }[]): Promise<void> {
    if (rankings.length === 0) return;
    const persons = rankings.map(({ personId, ranking }) => {
      const listed = ranking.contacts.map((c, rank) => contactRow(c, rank + 1));
      const withoutScores = listed.map(({ score: _score, ...rest }) => rest);
      const digest = createHash('sha256')
        .update(JSON.stringify([ranking.reachability, ranking.best?.value ?? null, withoutScores]))
        .digest('hex');
      return {
        personId,
        digest,
        reachability: ranking.reachability,
        best: ranking.best?.value ?? null,
        bestScore: ranking.best?.score ?? null,
        bestLastSeenAt: ranking.best ? new Date(ranking.best.lastSeenAtMs).toISOString() : null,
        phones: listed.filter((c) => c.kind === 'phone'),
        emails: listed.filter((c) => c.kind === 'email'),
      };
    });
    await this.tx.run(cypher('write-contacts'), { persons });
  }
}

/**
 * How strongly a person holds a number: a reachable contact fully; a number reassigned away from
 * them (recycled) at the threshold, so an old and a new owner are flagged; a number merely
 * disconnected or gone stale, weakly.
 */
function claimStrength(status: string, reachable: boolean): number {
  if (reachable) return 1;
  return status === 'reassigned' ? STRONG_CLAIM_STRENGTH : 0.25;
}

function contactRow(c: ContactPoint, rank: number) {
  return {
    kind: c.kind,
    value: c.value,
    rank,
    score: c.score,
    status: c.status,
    reachable: c.reachable,
    sources: c.sources,
    corroboration: c.corroboration,
    verified: c.verified,
    firstSeenAt: new Date(c.firstSeenAtMs).toISOString(),
    lastSeenAt: new Date(c.lastSeenAtMs).toISOString(),
  };
}
