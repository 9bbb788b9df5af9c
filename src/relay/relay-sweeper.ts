import { SYSTEM_ACTOR } from '../actor.js';
import type { AuditLog } from '../audit/audit-entry.js';
import type { Logger } from '../platform/logger.js';
import type { CaseStore } from './case-store.js';
import { POOL_ALERT_RATIO, type RelayMetrics } from './relay-metrics.js';
import type { RelayBinding, RelayStore } from './relay-store.js';

const BATCH = 200;
/** Longer than any request takes to audit its binding, so only a dead replica's bindings qualify. */
const UNAUDITED_GRACE_MS = 5 * 60_000;

/**
 * The relay's housekeeping, on every replica (each step is idempotent): ends bindings past their
 * TTL, re-matches unmatched cases against what ingest has learned since, and publishes pool use.
 */
export class RelaySweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      relays: RelayStore;
      cases: CaseStore;
      audit: AuditLog;
      metrics: RelayMetrics;
      pool: string;
      intervalMs: number;
      clock: () => Date;
      log: Logger;
      /** Re-ranks persons whose contacts only aged, so reachability is current for relay decisions. */
      ageReachability?: (now: Date) => Promise<number>;
      /** The audit chain a binding's `relay.create` record must be in for the binding to count as disclosed. */
      auditChain: string;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'relay sweep failed; next sweep retries'))
        .finally(() => (this.running = undefined));
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<{ expired: number; rematched: number; aged: number }> {
    const now = this.deps.clock();
    const aged = this.deps.ageReachability ? await this.deps.ageReachability(now) : 0;
    const expired = await this.deps.relays.expireDue(now, BATCH);
    await this.recordEnded(expired, 'relay.expire', 'TTL_ELAPSED');
    await this.revokeUnaudited(now);
    const rematched = await this.rematch(now);
    await this.publishUsage(now);
    return { expired: expired.length, rematched, aged };
  }

  /** Bindings without an audit record were never disclosed: their numbers go back after a grace period. */
  private async revokeUnaudited(now: Date): Promise<void> {
    const revoked = await this.deps.relays.revokeUnaudited(this.deps.auditChain, new Date(now.getTime() - UNAUDITED_GRACE_MS), now);
    await this.recordEnded(revoked, 'relay.revoke', 'NEVER_AUDITED');
  }

  private async recordEnded(bindings: RelayBinding[], action: string, reason: string): Promise<void> {
    for (const b of bindings) {
      await this.deps.audit.append({
        action,
        actor: SYSTEM_ACTOR,
        outcome: 'allowed',
        reason,
        resources: { creditor: b.creditor, caseId: b.caseId, personId: b.personId, bindingId: b.id, relayNumber: b.relayNumber },
      });
    }
    if (bindings.length > 0) this.deps.metrics.bindingsEnded.inc({ reason }, bindings.length);
  }

  private async rematch(now: Date): Promise<number> {
    let matched = 0;
    for (const { ref, debtor } of await this.deps.cases.unmatched(BATCH)) {
      const { match } = await this.deps.cases.register(ref, debtor, now, { notify: true });
      if (!match.matched) continue;
      matched++;
      await this.deps.audit.append({
        action: 'case.match',
        actor: SYSTEM_ACTOR,
        outcome: 'allowed',
        reason: 'MATCHED',
        resources: { creditor: ref.creditor, caseId: ref.caseId, personId: match.personId },
      });
    }
    return matched;
  }

  async publishUsage(now: Date): Promise<void> {
    const usage = await this.deps.relays.usage(now);
    const pool = this.deps.pool;
    const used = usage.total === 0 ? 1 : (usage.bound + usage.quarantined) / usage.total;
    this.deps.metrics.poolNumbers.set({ pool, state: 'bound' }, usage.bound);
    this.deps.metrics.poolNumbers.set({ pool, state: 'quarantine' }, usage.quarantined);
    this.deps.metrics.poolNumbers.set({ pool, state: 'free' }, usage.total - usage.bound - usage.quarantined);
    this.deps.metrics.poolUtilization.set({ pool }, used);
    this.deps.metrics.poolAlert.set({ pool }, used >= POOL_ALERT_RATIO ? 1 : 0);
    if (used >= POOL_ALERT_RATIO) this.deps.log.warn({ pool, utilization: used }, 'relay pool is running out');
  }
}
