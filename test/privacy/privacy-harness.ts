import { randomInt, randomUUID } from 'node:crypto';
import type { Actor } from '../../src/actor.js';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import type { SourceRegistry } from '../../src/ingest/source-registry.js';
import { createPrivacy } from '../../src/privacy/create-privacy.js';
import type { OfficerCall, PrivacyService } from '../../src/privacy/privacy-service.js';
import type { RetentionJob } from '../../src/privacy/retention-job.js';
import type { CaseRef } from '../../src/relay/case-store.js';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import { Neo4jRelayStore } from '../../src/relay/neo4j-relay-store.js';
import type { RelayBinding } from '../../src/relay/relay-store.js';
import { IngestHarness, seen } from '../ingest/ingest-harness.js';
import { testLogger, uniqueName } from '../support/test-config.js';
import { signed } from '../support/test-sources.js';
import { InMemoryAuditLog } from './in-memory-audit-log.js';

export type ProviderEvent = { sourceId: string; sourceRecordId: string; eventId: string };

export const OFFICER: Actor = { subject: 'test-officer', role: 'privacy_officer' };

/**
 * Real ingest (signed events through Kafka into Neo4j, resolved as the service does), the privacy
 * capability on the same graph, a relay store on a pool of its own and an in-memory audit log.
 */
export class PrivacyHarness {
  readonly ingest = new IngestHarness();
  readonly audit = new InMemoryAuditLog();
  readonly pool = uniqueName('test-privacy-pool');
  /** Where the relay store's bindings and call decisions commit their own records, as in the service. */
  readonly relayAudit = new Neo4jAuditLog(this.ingest.graph, { chain: uniqueName('test-privacy-relay') });
  readonly relays = new Neo4jRelayStore(this.ingest.graph, this.relayAudit, { pool: this.pool, quarantineMs: 0 });
  /** The privacy capability's clock; a test moves it to run retention "later". */
  now = new Date();
  registry!: SourceRegistry;
  privacy!: PrivacyService;
  retention!: RetentionJob;

  get graph() {
    return this.ingest.graph;
  }

  get identifierKey(): Buffer {
    return this.ingest.config.ingest.identifierKey!;
  }

  async setUp(): Promise<void> {
    await this.ingest.setUp();
    await this.ingest.startPipeline({}, true, () => new Date(), this.audit);
    this.registry = loadSourceRegistry(this.ingest.config.ingest.registryFile!, this.ingest.config.secrets);
    const { service, retention } = createPrivacy({
      graph: this.graph,
      relays: this.relays,
      audit: this.audit,
      auditFor: async (personId) => this.audit.about(personId),
      sources: this.registry,
      identifierKey: this.identifierKey,
      clock: () => this.now,
      log: testLogger(),
      retentionIntervalMs: 3_600_000,
    });
    this.privacy = service;
    this.retention = retention;
  }

  tearDown(): Promise<void> {
    return this.ingest.tearDown();
  }

  call(): OfficerCall {
    return { actor: OFFICER, requestId: `test-${randomUUID()}` };
  }

  async send(...events: ProviderEvent[]): Promise<void> {
    await this.ingest.produce(events.map((e) => signed(e)));
    await this.ingest.waitForApplied(events.map(seen));
  }

  async personOf(e: ProviderEvent): Promise<string | null> {
    const r = await this.graph.run('MATCH (:Record {key: $key})-[:RESOLVES_TO]->(p:Person) RETURN p.id AS id', { key: keyOf(e) });
    return (r.records[0]?.get('id') as string | undefined) ?? null;
  }

  /** A creditor's case concerning the person, as case registration would have stored it. */
  async openCase(personId: string, debtorJson: string): Promise<CaseRef> {
    const ref = { creditor: uniqueName('test-creditor'), caseId: `C-${randomUUID().slice(0, 8)}` };
    await this.graph.run(
      `CREATE (c:Case {key: $key, creditor: $creditor, caseId: $caseId, state: 'open', registeredAt: $now, debtorJson: $debtorJson,
                       matchState: 'matched', matchScore: 30.0, matchedAt: $now})
       WITH c MATCH (p:Person {id: $personId})
       CREATE (c)-[:CONCERNS {score: 30.0, matchedAt: $now, ruleSetVersion: 'test'}]->(p)`,
      { key: `${ref.creditor}|${ref.caseId}`, ...ref, now: new Date().toISOString(), debtorJson, personId },
    );
    return ref;
  }

  /** An active relay binding for the case, on a number of this harness's own pool. */
  async bind(ref: CaseRef, personId: string): Promise<RelayBinding> {
    await this.relays.seedPool([`+86170${String(randomInt(100_000_000)).padStart(8, '0')}`]);
    const now = new Date();
    const request = { id: randomUUID(), case: ref, personId, purpose: 'debt_collection', now, expiresAt: new Date(now.getTime() + 86_400_000) };
    const result = await this.relays.allocate(request, () => ({ action: 'relay.create', actor: OFFICER, outcome: 'allowed', resources: { caseId: ref.caseId, personId } }));
    if (result.outcome === 'exhausted') throw new Error('test relay pool exhausted');
    return result.binding;
  }

  async binding(bindingId: string): Promise<{ state: string; endReason: string | null }> {
    const r = await this.graph.run('MATCH (b:RelayBinding {id: $bindingId}) RETURN b.state AS state, b.endReason AS endReason', { bindingId });
    return { state: r.records[0]!.get('state') as string, endReason: r.records[0]!.get('endReason') as string | null };
  }
}

export const keyOf = (e: ProviderEvent) => `${e.sourceId}:${e.sourceRecordId}`;
