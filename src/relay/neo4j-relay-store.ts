import type { ManagedTransaction } from 'neo4j-driver';
import type { AuditEntry } from '../audit/audit-entry.js';
import type { AuditedWrite, TransactionalAuditLog } from '../audit/audited-write.js';
import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { caseKey, type CaseRef } from './case-store.js';
import type { AllocationResult, BindingState, NewBinding, PoolUsage, RelayBinding, RelayStore } from './relay-store.js';

export class Neo4jRelayStore implements RelayStore {
  /** Allocations ride in the audit log's group commit: each binding commits with its audit record. */
  private readonly allocations: AuditedWrite<NewBinding, AllocationResult> = {
    run: (tx, requests) => this.allocateAll(tx, requests),
  };

  constructor(
    private readonly graph: Neo4jGraph,
    private readonly audit: TransactionalAuditLog,
    private readonly settings: { pool: string; quarantineMs: number },
  ) {}

  async seedPool(numbers: string[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < numbers.length; i += 5_000) {
      const result = await this.graph.write((tx) =>
        tx.run<{ added: number }>(
          `UNWIND $numbers AS e164
           MERGE (n:RelayNumber {e164: e164})
             ON CREATE SET n.pool = $pool, n.state = 'free', n.createdAt = datetime(), n.new = true
           WITH n WHERE n.new REMOVE n.new RETURN count(n) AS added`,
          { numbers: numbers.slice(i, i + 5_000), pool: this.settings.pool },
        ),
      );
      added += result.records[0]?.get('added') ?? 0;
    }
    return added;
  }

  async allocate(request: NewBinding, auditOf: (result: AllocationResult) => AuditEntry): Promise<AllocationResult> {
    return (await this.audit.appendWith(this.allocations, request, auditOf)).output;
  }

  /** One statement for every request in the batch, in order; sent before any await (see AuditedWrite). */
  private async allocateAll(tx: ManagedTransaction, requests: readonly NewBinding[]): Promise<AllocationResult[]> {
    const result = await tx.run<{ i: number; outcome: AllocationResult['outcome']; binding: RelayBinding | null }>(cypher('relay-allocate'), {
      pool: this.settings.pool,
      requests: requests.map((r) => ({
        caseKey: caseKey(r.case),
        creditor: r.case.creditor,
        caseId: r.case.caseId,
        personId: r.personId,
        bindingId: r.id,
        purpose: r.purpose,
        now: r.now.toISOString(),
        nowMs: r.now.getTime(),
        expiresAt: r.expiresAt.toISOString(),
        expiresAtMs: r.expiresAt.getTime(),
      })),
    });
    return result.records.map((row) => {
      const outcome = row.get('outcome');
      const binding = row.get('binding');
      return outcome === 'exhausted' || binding === null ? { outcome: 'exhausted' } : { outcome, binding: toBinding(binding) };
    });
  }

  async activeForCase(ref: CaseRef, now: Date): Promise<RelayBinding | undefined> {
    return this.graph.read((tx) => this.activeIn(tx, ref, now));
  }

  private async activeIn(tx: ManagedTransaction, ref: CaseRef, now: Date): Promise<RelayBinding | undefined> {
    const result = await tx.run(
      `MATCH (b:RelayBinding {activeCaseKey: $key}) WHERE b.expiresAtMs > $nowMs RETURN b {.*} AS binding`,
      { key: caseKey(ref), nowMs: now.getTime() },
    );
    const row = result.records[0];
    return row ? toBinding(row.get('binding') as RelayBinding) : undefined;
  }

  async findBinding(creditor: string, bindingId: string): Promise<RelayBinding | undefined> {
    const result = await this.graph.read((tx) =>
      tx.run('MATCH (b:RelayBinding {id: $bindingId}) WHERE b.creditor = $creditor RETURN b {.*} AS binding', { bindingId, creditor }),
    );
    const row = result.records[0];
    return row ? toBinding(row.get('binding') as RelayBinding) : undefined;
  }

  async end(bindingId: string, state: Exclude<BindingState, 'active'>, reason: string, now: Date): Promise<boolean> {
    return (await this.endMany([bindingId], state, reason, now)).length > 0;
  }

  private async endMany(bindingIds: string[], state: Exclude<BindingState, 'active'>, reason: string, now: Date): Promise<RelayBinding[]> {
    if (bindingIds.length === 0) return [];
    const result = await this.graph.write((tx) =>
      tx.run(cypher('relay-end'), {
        bindingIds,
        state,
        reason,
        now: now.toISOString(),
        nowMs: now.getTime(),
        quarantineMs: this.settings.quarantineMs,
      }),
    );
    return result.records.map((r) => toBinding(r.get('binding') as RelayBinding));
  }

  async expireDue(now: Date, limit: number): Promise<RelayBinding[]> {
    const due = await this.ids(
      `MATCH (b:RelayBinding {state: 'active'})-[:USES]->(:RelayNumber {pool: $pool}) WHERE b.expiresAtMs <= $nowMs
       RETURN b.id AS id LIMIT toInteger($limit)`,
      { nowMs: now.getTime(), limit, pool: this.settings.pool },
    );
    return this.endMany(due, 'expired', 'TTL_ELAPSED', now);
  }

  async revokeForPerson(personId: string, reason: string, now: Date): Promise<RelayBinding[]> {
    const ids = await this.ids(`MATCH (b:RelayBinding {personId: $personId, state: 'active'}) RETURN b.id AS id`, { personId });
    return this.endMany(ids, 'revoked', reason, now);
  }

  async revokeForCase(ref: CaseRef, reason: string, now: Date): Promise<RelayBinding[]> {
    const ids = await this.ids(`MATCH (b:RelayBinding {activeCaseKey: $key}) RETURN b.id AS id`, { key: caseKey(ref) });
    return this.endMany(ids, 'revoked', reason, now);
  }

  async usage(now: Date): Promise<PoolUsage> {
    const result = await this.graph.read((tx) =>
      tx.run<PoolUsage>(
        `MATCH (n:RelayNumber {pool: $pool})
         RETURN count(n) AS total, count(CASE WHEN n.state = 'bound' THEN 1 END) AS bound,
                count(CASE WHEN n.state = 'quarantine' AND n.quarantineUntilMs > $nowMs THEN 1 END) AS quarantined`,
        { pool: this.settings.pool, nowMs: now.getTime() },
      ),
    );
    const row = result.records[0];
    return { total: row?.get('total') ?? 0, bound: row?.get('bound') ?? 0, quarantined: row?.get('quarantined') ?? 0 };
  }

  async revokeUnaudited(chain: string, createdBefore: Date, now: Date): Promise<RelayBinding[]> {
    const ids = await this.ids(
      `MATCH (b:RelayBinding {state: 'active'})-[:USES]->(:RelayNumber {pool: $pool}) WHERE b.createdAt < $before
         AND NOT EXISTS { MATCH (a:AuditRecord {bindingId: b.id}) WHERE a.chain = $chain AND a.action = 'relay.create' }
       RETURN b.id AS id LIMIT 500`,
      { before: createdBefore.toISOString(), chain, pool: this.settings.pool },
    );
    return this.endMany(ids, 'revoked', 'NEVER_AUDITED', now);
  }

  private async ids(query: string, params: Record<string, unknown>): Promise<string[]> {
    const result = await this.graph.read((tx) => tx.run<{ id: string }>(query, params));
    return result.records.map((r) => r.get('id'));
  }
}

/** The binding's public fields; the stored node also holds its active-uniqueness keys. */
function toBinding(b: RelayBinding): RelayBinding {
  return {
    id: b.id,
    creditor: b.creditor,
    caseId: b.caseId,
    personId: b.personId,
    relayNumber: b.relayNumber,
    purpose: b.purpose,
    state: b.state,
    createdAt: b.createdAt,
    expiresAt: b.expiresAt,
  };
}
