import { SYSTEM_ACTOR } from '../actor.js';
import type { AuditLog } from '../audit/audit-entry.js';
import type { Logger } from '../platform/logger.js';
import type { RelayStore } from '../relay/relay-store.js';
import type { RetentionStore } from './retention-store.js';
import type { SourceCatalog } from './source-catalog.js';

const DAY_MS = 24 * 3600 * 1000;

export interface RetentionJobDeps {
  store: RetentionStore;
  sources: SourceCatalog;
  relays: Pick<RelayStore, 'revokeForPerson'>;
  audit: AuditLog;
  clock: () => Date;
  log: Logger;
  intervalMs: number;
  /** Records removed per transaction. */
  batchSize?: number;
}

export interface SourcePurge {
  sourceId: string;
  purged: number;
}

/**
 * Storage limitation (GDPR Art. 5(1)(e), PIPL Art. 19): each source's records are kept for its
 * registered `retentionDays` after they were observed, then removed with what only they held. The
 * persons they leave are re-resolved (they may shrink, split or disappear); a person that
 * disappears loses its relay bindings. Safe on every replica: each batch is one transaction under
 * the resolution lock, and a second run finds nothing left to do.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly deps: RetentionJobDeps) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.run()
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'retention run failed; the next run retries'))
        .finally(() => (this.running = undefined));
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over every source; also what an operator runs on demand. */
  async run(): Promise<SourcePurge[]> {
    const results: SourcePurge[] = [];
    for (const source of this.deps.sources.all()) {
      results.push({ sourceId: source.id, purged: await this.purgeSource(source.id, source.retentionDays) });
    }
    return results;
  }

  private async purgeSource(sourceId: string, retentionDays: number): Promise<number> {
    const now = this.deps.clock();
    const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
    const batchSize = this.deps.batchSize ?? 500;
    let purged = 0;
    for (;;) {
      const batch = await this.deps.store.purgeBatch(sourceId, cutoff, batchSize, now);
      purged += batch.purged;
      for (const personId of new Set(batch.vanishedPersons)) await this.revokeBindings(personId, now);
      if (batch.purged < batchSize) break;
    }
    if (purged > 0) {
      await this.deps.audit.append({
        action: 'retention.purge',
        actor: SYSTEM_ACTOR,
        outcome: 'allowed',
        reason: 'RETENTION_EXPIRED',
        resources: { sourceId },
        details: { records: purged, retentionDays, cutoff: cutoff.toISOString() },
      });
      this.deps.log.info({ sourceId, purged }, 'records past retention purged');
    }
    return purged;
  }

  private async revokeBindings(personId: string, now: Date): Promise<void> {
    for (const b of await this.deps.relays.revokeForPerson(personId, 'RETENTION_EXPIRED', now)) {
      await this.deps.audit.append({
        action: 'relay.revoke',
        actor: SYSTEM_ACTOR,
        outcome: 'allowed',
        reason: 'RETENTION_EXPIRED',
        resources: { personId, creditor: b.creditor, caseId: b.caseId, bindingId: b.id, relayNumber: b.relayNumber },
      });
    }
  }
}
