import { DependencyUnavailableError } from '../errors.js';
import type { Logger } from '../platform/logger.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { safeErrorSummary } from '../platform/safe-error.js';
import { TimeoutError } from '../platform/with-timeout.js';
import type { AuditEntry, AuditRecord } from './audit-entry.js';
import type { AuditedWrite, TransactionalAuditLog } from './audited-write.js';
import { assertSealable } from './seal-audit-record.js';
import {
  UnsealableEntries,
  canCommitInOneStatement,
  commitAuditBatchInOneStatement,
  writeAuditBatch,
  type BatchItem,
  type ChainHead,
  type CommittedBatch,
} from './audit-batch.js';

export interface Neo4jAuditLogOptions {
  chain: string;
  clock?: () => Date;
  /** How long an append waits for its commit before it fails closed; 5 s by default. */
  timeoutMs?: number;
  /** Entries per group commit; 500 by default. */
  maxBatch?: number;
  log?: Logger;
}

type Committed = CommittedBatch['committed'][number];

interface Pending extends BatchItem {
  settled: boolean;
  /** In a transaction: its outcome, not the timer, settles the caller. */
  sent: boolean;
  /** The timer fired while the entry was in a transaction. */
  expired: boolean;
  timer: NodeJS.Timeout;
  resolve(committed: Committed): void;
  reject(error: Error): void;
}

/**
 * The audit log in Neo4j, one hash chain per `chain`.
 *
 * Group commit: appends queue in process; one flusher at a time takes everything pending (up to
 * `maxBatch`) and writes it in a single transaction, then settles each caller. A caller's promise
 * resolves only after that commit, and rejects with DependencyUnavailableError when the store fails
 * or the entry is still queued after `timeoutMs` (it is then dropped). An entry already in a
 * transaction waits for its outcome, which the server bounds by rolling back any attempt that runs
 * longer than `timeoutMs`: an answer always says what was committed. That matters for `appendWith`,
 * whose write rides in the same transaction: a caller told "unavailable" left nothing behind.
 * How a batch is written, in one or two round trips: `writeAuditBatch`.
 *
 * Order across replicas: each transaction first write-locks the chain's (:AuditHead), then reads it,
 * so appends from every replica serialize on it and the chain stays linear. The driver may re-run
 * the transaction function; it re-reads the head each time, so a retry never forks the chain.
 */
export class Neo4jAuditLog implements TransactionalAuditLog {
  readonly chain: string;
  private readonly clock: () => Date;
  private readonly timeoutMs: number;
  private readonly maxBatch: number;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  /** The head as this process last committed it; another replica may have moved it since. */
  private head: ChainHead | undefined;

  constructor(
    private readonly graph: Neo4jGraph,
    private readonly options: Neo4jAuditLogOptions,
  ) {
    this.chain = options.chain;
    this.clock = options.clock ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxBatch = options.maxBatch ?? 500;
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    return (await this.enqueue(undefined, undefined, sealable(entry))).record;
  }

  /** An entry that does not depend on the write's output can be sealed before the write runs. */
  async appendWith<I, O>(
    write: AuditedWrite<I, O>,
    input: I,
    entry: AuditEntry | ((output: O) => AuditEntry),
  ): Promise<{ output: O; record: AuditRecord }> {
    const { output, record } = await this.enqueue(
      write,
      input,
      typeof entry === 'function' ? (entry as (output: unknown) => AuditEntry) : sealable(entry),
    );
    return { output: output as O, record };
  }

  /** Resolves once everything appended so far has been committed or has failed. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private enqueue(
    write: Pending['write'],
    input: unknown,
    entry: Pending['entry'],
  ): Promise<Committed> {
    return new Promise<Committed>((resolve, reject) => {
      const pending: Pending = {
        write,
        input,
        entry,
        settled: false,
        sent: false,
        expired: false,
        resolve,
        reject,
        timer: setTimeout(() => {
          if (pending.sent) pending.expired = true;
          else fail(pending, this.timedOut());
        }, this.timeoutMs),
      };
      this.queue.push(pending);
      // The first append of a burst waits one turn of the event loop, so concurrent callers share its commit.
      this.flushing ??= new Promise<void>((done) =>
        setImmediate(() => void this.flush().finally(done)),
      );
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch).filter((p) => !p.settled);
      if (batch.length === 0) continue;
      let sent: Pending[] = [];
      try {
        const written = await this.commit(batch, (attempt) => (sent = attempt));
        if (written === undefined) continue;
        this.head = written.head;
        sent.forEach((p, i) => succeed(p, written.committed[i]!));
      } catch (error) {
        this.head = undefined;
        if (error instanceof UnsealableEntries) {
          // Only those entries are refused; the rest go first into the next transaction.
          const refused = new Set(error.positions.map((i) => sent[i]!));
          for (const p of refused) fail(p, new TypeError('the audit entry is not JSON'));
          for (const p of batch) p.sent = false;
          this.queue.unshift(...batch.filter((p) => !p.settled && !refused.has(p)));
          continue;
        }
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

  /**
   * One statement when the batch allows it (see `commitAuditBatchInOneStatement`), else a
   * transaction that locks the head first. `onAttempt` learns which entries each attempt writes.
   */
  private async commit(batch: Pending[], onAttempt: (sent: Pending[]) => void): Promise<CommittedBatch | undefined> {
    const attempt = (): Pending[] => {
      const sent = this.startAttempt(batch);
      onAttempt(sent);
      return sent;
    };
    // Marked sent only when a statement is about to go: until then an entry's timer may still fail it.
    if (canCommitInOneStatement(batch.filter((p) => !p.settled), this.head)) {
      const once = await commitAuditBatchInOneStatement(this.graph, { ...this.batchOf(attempt()), timeoutMs: this.timeoutMs });
      if (once !== undefined) return once;
    }
    return this.graph.write(
      (tx) => {
        const sent = attempt();
        return sent.length === 0 ? Promise.resolve(undefined) : writeAuditBatch(tx, this.batchOf(sent));
      },
      { timeoutMs: this.timeoutMs },
    );
  }

  private batchOf(items: Pending[]) {
    return { chain: this.chain, items, expected: this.head, now: this.clock().toISOString() };
  }

  /**
   * The entries a transaction attempt writes. One whose time ran out during an earlier attempt is
   * refused now: that attempt rolled back, so nothing of it was written.
   */
  private startAttempt(batch: Pending[]): Pending[] {
    for (const p of batch) if (p.expired) fail(p, this.timedOut());
    const live = batch.filter((p) => !p.settled);
    for (const p of live) p.sent = true;
    return live;
  }

  private timedOut(): DependencyUnavailableError {
    return new DependencyUnavailableError(
      'audit store',
      new TimeoutError('audit store', this.timeoutMs),
    );
  }
}

/** Checked when appended, so a batch of known entries can be sealed before its transaction. */
function sealable(entry: AuditEntry): AuditEntry {
  assertSealable(entry);
  return entry;
}

function succeed(p: Pending, committed: Committed): void {
  if (p.settled) return;
  p.settled = true;
  clearTimeout(p.timer);
  p.resolve(committed);
}

function fail(p: Pending, error: Error): void {
  if (p.settled) return;
  p.settled = true;
  clearTimeout(p.timer);
  p.reject(error);
}
