import type { AuditLog, AuditRecord } from '../audit/audit-entry.js';
import type { Logger } from '../platform/logger.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { RelayStore } from '../relay/relay-store.js';
import type { ResolverSettings } from '../resolve/resolver.js';
import { DEFAULT_RESOLVER_SETTINGS, resolveInTransaction } from '../resolve/resolving-record-store.js';
import { Neo4jRetentionStore } from './neo4j-retention-store.js';
import { Neo4jSubjectStore } from './neo4j-subject-store.js';
import { PrivacyService } from './privacy-service.js';
import { RetentionJob } from './retention-job.js';
import type { SourceCatalog } from './source-catalog.js';

export interface PrivacyWiring {
  graph: Neo4jGraph;
  relays: Pick<RelayStore, 'revokeForPerson'>;
  audit: AuditLog;
  auditFor: (personId: string) => Promise<AuditRecord[]>;
  sources: SourceCatalog;
  /** `config.ingest.identifierKey`: erasure tombstones must match what ingest computes. */
  identifierKey: Buffer;
  clock: () => Date;
  log: Logger;
  retentionIntervalMs: number;
  /** The resolver settings ingest uses, so re-resolution after a purge reaches what ingest would. */
  resolverSettings?: ResolverSettings;
}

/** The privacy capability on Neo4j: the officers' service, and the retention job (not started). */
export function createPrivacy(w: PrivacyWiring): { service: PrivacyService; retention: RetentionJob } {
  const trustOf = (sourceId: string) => w.sources.get(sourceId)?.trust ?? 0;
  const resolve = resolveInTransaction(trustOf, w.resolverSettings ?? DEFAULT_RESOLVER_SETTINGS, w.clock);
  return {
    service: new PrivacyService({
      subjects: new Neo4jSubjectStore(w.graph, resolve),
      relays: w.relays,
      audit: w.audit,
      auditFor: w.auditFor,
      sources: w.sources,
      identifierKey: w.identifierKey,
      clock: w.clock,
    }),
    retention: new RetentionJob({
      store: new Neo4jRetentionStore(w.graph, resolve),
      sources: w.sources,
      relays: w.relays,
      audit: w.audit,
      clock: w.clock,
      log: w.log.child({ component: 'retention' }),
      intervalMs: w.retentionIntervalMs,
    }),
  };
}
