import type { ManagedTransaction } from 'neo4j-driver';
import { DependencyUnavailableError } from '../errors.js';
import { cypher } from '../platform/cypher-file.js';
import type { Logger } from '../platform/logger.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { safeErrorSummary } from '../platform/safe-error.js';
import { TimeoutError } from '../platform/with-timeout.js';
import type { AuditEntry, AuditLog, AuditRecord } from './audit-entry.js';
import { assertSealable, GENESIS_HASH, sealAuditRecord } from './seal-audit-record.js';

export interface Neo4jAuditLogOptions {
  chain: string;
  clock?: () => Date;
  /** How long an append waits for its commit before it fails closed; 5 s by default. */
  timeoutMs?: number;
  /** Entries per group commit; 500 by default. */
  maxBatch?: number;
  log?: Logger;
}

interface Pending {
  entry: AuditEntry;
  settled: boolean;
  timer: NodeJS.Timeout;
  resolve(record: AuditRecord): void;
  reject(error: Error): void;
}

/**
 * The audit log in Neo4j, one hash chain per `chain`.
 *
 * Group commit: appends queue in process; one flusher at a time takes everything pending (up to
 * `maxBatch`) and writes it in a single transaction, then settles each caller. A caller's promise
 * resolves only after that commit, and rejects with DependencyUnavailableError when the store fails
 * or the commit has not happened within `timeoutMs` — an entry that timed out while still queued is
 * dropped, one whose transaction was already running may still commit (the log over-reports, never
 * under-reports).
 *
 * Order across replicas: each transaction first write-locks the chain's (:AuditHead), then reads it,
 * so appends from every replica serialize on it and the chain stays linear. The driver may re-run
 * the transaction function; it re-reads the head each time, so a retry never forks the chain.
 */
export class Neo4jAuditLog implements AuditLog {
  readonly chain: string;
  private readonly clock: () => Date;
  private readonly timeoutMs: number;
  private readonly maxBatch: number;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly graph: Neo4jGraph,
    private readonly options: Neo4jAuditLogOptions,
  ) {
    this.chain = options.chain;
    this.clock = options.clock ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxBatch = options.maxBatch ?? 500;
  }

  append(entry: AuditEntry): Promise<AuditRecord> {
    try {
      assertSealable(entry);
    } catch (error) {
      return Promise.reject(
        error instanceof Error ? error : new TypeError('the audit entry is not JSON'),
      );
    }
    return new Promise<AuditRecord>((resolve, reject) => {
      const pending: Pending = {
        entry,
        settled: false,
        resolve,
        reject,
        timer: setTimeout(
          () =>
            fail(
              pending,
              new DependencyUnavailableError(
                'audit store',
                new TimeoutError('audit store', this.timeoutMs),
              ),
            ),
          this.timeoutMs,
        ),
      };
      this.queue.push(pending);
      // The first append of a burst waits one turn of the event loop, so concurrent callers share its commit.
      this.flushing ??= new Promise<void>((done) =>
        setImmediate(() => void this.flush().finally(done)),
      );
    });
  }

  /** Resolves once everything appended so far has been committed or has failed. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch).filter((p) => !p.settled);
      if (batch.length === 0) continue;
      try {
        const records = await this.graph.write((tx) =>
          this.appendBatch(
            tx,
            batch.map((p) => p.entry),
          ),
        );
        batch.forEach((p, i) => succeed(p, records[i]!));
      } catch (error) {
        this.options.log?.error(
          { ...safeErrorSummary(error), entries: batch.length, chain: this.chain },
          'audit append failed',
        );
        const failure = new DependencyUnavailableError('audit store', error);
        for (const p of batch) fail(p, failure);
      }
    }
    this.flushing = undefined;
  }

  private async appendBatch(tx: ManagedTransaction, entries: AuditEntry[]): Promise<AuditRecord[]> {
    const chain = this.chain;
    const head = await tx.run(cypher('lock-audit-head'), { chain, genesis: GENESIS_HASH });
    let seq = head.records[0]!.get('seq') as number;
    let prevHash = head.records[0]!.get('hash') as string;
    // Never before the previous record, so time order is seq order even when replicas' clocks differ.
    const now = this.clock().toISOString();
    const headAt = head.records[0]!.get('at') as string;
    const at = now > headAt ? now : headAt;
    const sealed = entries.map((entry) => {
      const s = sealAuditRecord(entry, { chain, seq: ++seq, at, prevHash });
      prevHash = s.record.hash;
      return s;
    });
    const records = sealed.map((s) => ({ ...s.stored, key: `${chain}:${s.stored.seq}` }));
    await tx.run(cypher('append-audit-records'), { chain, records, seq, hash: prevHash, at });
    return sealed.map((s) => s.record);
  }
}

function succeed(p: Pending, record: AuditRecord): void {
  if (p.settled) return;
  p.settled = true;
  clearTimeout(p.timer);
  p.resolve(record);
}

function fail(p: Pending, error: Error): void {
  if (p.settled) return;
  p.settled = true;
  clearTimeout(p.timer);
  p.reject(error);
}
