import type { AuditLog } from '../audit/audit-entry.js';
import type { BatchControl, EventBus, InboundMessage, MessageBatch, Subscription } from '../platform/event-bus.js';
import type { Logger } from '../platform/logger.js';
import { safeErrorSummary } from '../platform/safe-error.js';
import { isTransientError } from '../platform/transient-errors.js';
import type { ApplyOutcome, RecordStore } from '../resolve/record-store.js';
import type { SourceRecordUpdate } from '../resolve/source-record.js';
import type { SourceLookup } from './authenticate-source.js';
import { deadLetterBytes, toDeadLetterMessage, type DeadLetter } from './dead-letter.js';
import { decodeIdentityUpdate } from './decode-event.js';
import { UNREGISTERED_SOURCE, type IngestMetrics } from './ingest-metrics.js';
import type { ProjectEvent } from './project-event.js';
import type { Rejection } from './rejection.js';
import { rejectionAuditEntry } from './rejection-audit-entry.js';

export interface IngestOptions {
  groupId: string;
  topic: string;
  deadLetterTopic: string;
  partitionsConsumedConcurrently: number;
  /** Messages applied per graph transaction; offsets are committed after each chunk. */
  chunkSize: number;
  /** Deterministic failures of one event before it is dead-lettered as PROCESSING_FAILED. */
  maxAttempts: number;
  retryInitialMs: number;
  retryMaxMs: number;
}

export interface IngestPipelineDeps {
  bus: EventBus;
  registry: SourceLookup;
  records: RecordStore;
  project: ProjectEvent;
  clock: () => Date;
  log: Logger;
  metrics: IngestMetrics;
  options: IngestOptions;
  /** Runs after each chunk's graph commit and before its offsets are committed. */
  afterApply?: (outcome: ApplyOutcome) => Promise<void>;
  /**
   * When set, every dead-lettered event is an `ingest.reject` audit record, and every event about an
   * erased record (dropped, or re-admitted under a new legal basis) is audited too — all durable
   * before the chunk's offsets commit. Without it the latter are only logged.
   */
  audit?: AuditLog;
}

interface Accepted {
  message: InboundMessage;
  update: SourceRecordUpdate;
}

interface Refused {
  message: InboundMessage;
  rejection: Rejection;
}

/** Returned when the consumer stops or loses the partition mid-chunk: offsets stay unresolved. */
const ABANDONED = Symbol('abandoned');
type Abandoned = typeof ABANDONED;

/**
 * Kafka → graph, with the delivery rules written down here:
 * - an offset is resolved and committed only after its chunk's graph writes and dead letters are durable;
 * - a deterministic rejection becomes a dead letter (never a rethrow, which would crash-loop kafkajs);
 * - a transient failure pauses this partition's progress and retries with backoff, never skipping;
 * - redelivered messages are harmless because the record store is idempotent by event id.
 */
export class IngestPipeline {
  private subscription: Subscription | undefined;
  private stopping = false;

  constructor(private readonly deps: IngestPipelineDeps) {}

  async start(): Promise<void> {
    const { options } = this.deps;
    this.stopping = false;
    this.subscription = await this.deps.bus.subscribe({
      groupId: options.groupId,
      topics: [options.topic],
      fromBeginning: true,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
      handleBatch: (batch, control) => this.handleBatch(batch, control),
      onCrash: () => this.restartAfterCrash(),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  async handleBatch(batch: MessageBatch, control: BatchControl): Promise<void> {
    const { chunkSize } = this.deps.options;
    for (let i = 0; i < batch.messages.length; i += chunkSize) {
      if (!control.isActive()) return;
      const chunk = batch.messages.slice(i, i + chunkSize);
      const timer = this.deps.metrics.batchSeconds.startTimer();
      if ((await this.processChunk(chunk, control)) === ABANDONED) return;
      timer();
      const last = chunk[chunk.length - 1]!;
      this.deps.metrics.lag.set({ partition: String(batch.partition) }, Math.max(0, Number(batch.highWatermark) - Number(last.offset) - 1));
    }
  }

  private async processChunk(chunk: InboundMessage[], control: BatchControl): Promise<void | Abandoned> {
    const { accepted, refused } = this.decodeAll(chunk);
    const outcome = await this.applyAll(accepted, refused, control);
    if (outcome === ABANDONED) return ABANDONED;
    if ((await this.sendDeadLetters(refused, control)) === ABANDONED) return ABANDONED;
    if ((await this.auditRejections(refused, control)) === ABANDONED) return ABANDONED;
    if ((await this.retryTransient('audit', () => this.auditErasedRecords(outcome), control)) === ABANDONED) return ABANDONED;
    if (this.deps.afterApply) {
      const after = this.deps.afterApply;
      if ((await this.retryTransient('after-apply', () => after(outcome), control)) === ABANDONED) return ABANDONED;
    }
    control.resolveOffset(chunk[chunk.length - 1]!.offset);
    await control.commit();
    this.count(accepted, refused, outcome);
  }

  private decodeAll(chunk: InboundMessage[]): { accepted: Accepted[]; refused: Refused[] } {
    const now = this.deps.clock();
    const accepted: Accepted[] = [];
    const refused: Refused[] = [];
    for (const message of chunk) {
      const decoded = decodeIdentityUpdate(message, this.deps.registry, now);
      if (!decoded.ok) {
        refused.push({ message, rejection: decoded.rejection });
        continue;
      }
      const projected = this.deps.project(decoded.event, decoded.source);
      if (projected.ok) accepted.push({ message, update: projected.update });
      else refused.push({ message, rejection: projected.rejection });
    }
    return { accepted, refused };
  }

  /** One transaction for the chunk; if it keeps failing deterministically, find the poison event(s). */
  private async applyAll(accepted: Accepted[], refused: Refused[], control: BatchControl): Promise<ApplyOutcome | Abandoned> {
    const whole = await this.applyWithAttempts(accepted, control);
    if (whole !== undefined) return whole;
    const total: ApplyOutcome = { freshEventIds: [], changedRecords: [], dropped: [], readmitted: [] };
    for (const item of accepted) {
      const one = await this.applyWithAttempts([item], control);
      if (one === ABANDONED) return ABANDONED;
      if (one === undefined) {
        refused.push({ message: item.message, rejection: processingFailed(item.update.sourceId, this.deps.options.maxAttempts) });
        continue;
      }
      total.freshEventIds.push(...one.freshEventIds);
      total.changedRecords.push(...one.changedRecords);
      total.dropped.push(...one.dropped);
      total.readmitted.push(...one.readmitted);
    }
    return total;
  }

  /** undefined when every attempt failed deterministically. */
  private async applyWithAttempts(items: Accepted[], control: BatchControl): Promise<ApplyOutcome | Abandoned | undefined> {
    const updates = items.map((i) => i.update);
    for (let attempt = 1; attempt <= this.deps.options.maxAttempts; attempt++) {
      try {
        return await this.retryTransient('graph', () => this.deps.records.apply(updates), control);
      } catch (error) {
        this.deps.log.error({ ...safeErrorSummary(error), attempt, events: updates.length }, 'graph write failed deterministically');
      }
    }
    return undefined;
  }

  private async sendDeadLetters(refused: Refused[], control: BatchControl): Promise<void | Abandoned> {
    if (refused.length === 0) return;
    const rejectedAt = this.deps.clock();
    const letters = refused.map(({ message, rejection }) =>
      toDeadLetterMessage(message, rejection, { topic: message.topic, partition: message.partition, offset: message.offset, rejectedAt }),
    );
    // Never skip a message: even a non-transient send failure is retried until the topic takes it.
    // So each send must be one the topic can take: Kafka refuses a record batch over its size limit.
    for (const batch of byteBoundedBatches(letters, MAX_DEAD_LETTER_BATCH_BYTES)) {
      const sent = await this.retryTransient('dead-letter', () => this.deps.bus.send(this.deps.options.deadLetterTopic, batch), control, true);
      if (sent === ABANDONED) return ABANDONED;
    }
  }

  /** Only the entries not yet durable are appended again on a retry, so a flaky store adds no duplicates. */
  private async auditRejections(refused: Refused[], control: BatchControl): Promise<void | Abandoned> {
    const audit = this.deps.audit;
    if (audit === undefined || refused.length === 0) return;
    const entries = refused.map(({ message, rejection }) => rejectionAuditEntry(rejection, message));
    const durable = entries.map(() => false);
    return this.retryTransient(
      'audit',
      async () => {
        const results = await Promise.allSettled(
          entries.map(async (entry, i) => {
            if (durable[i]) return;
            await audit.append(entry);
            durable[i] = true;
          }),
        );
        const failed = results.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
      },
      control,
      // Like dead letters, never skipped: an offset is committed only once its rejection is on record.
      true,
    );
  }

  private async retryTransient<T>(step: string, work: () => Promise<T>, control: BatchControl, retryAll = false): Promise<T | Abandoned> {
    let delay = this.deps.options.retryInitialMs;
    for (;;) {
      if (!control.isActive()) return ABANDONED;
      try {
        return await work();
      } catch (error) {
        if (!retryAll && !isTransientError(error)) throw error;
        this.deps.metrics.retries.inc({ step });
        this.deps.log.warn({ step, delayMs: delay, ...safeErrorSummary(error) }, 'transient failure; retrying');
        await sleep(delay * (0.5 + Math.random() / 2));
        delay = Math.min(delay * 2, this.deps.options.retryMaxMs);
        await control.heartbeat();
      }
    }
  }

  /**
   * An erased record's event is never dead-lettered: that would keep its personal data in a topic.
   * The audit records it by the record's keyed fingerprint only.
   */
  private async auditErasedRecords(outcome: ApplyOutcome): Promise<void> {
    const { audit, log } = this.deps;
    if (outcome.dropped.length + outcome.readmitted.length === 0) return;
    if (audit === undefined) {
      log.warn({ dropped: outcome.dropped.length, readmitted: outcome.readmitted.length }, 'events about erased records, with no audit log wired');
      return;
    }
    for (const d of outcome.dropped) {
      await audit.append({
        action: 'ingest.drop',
        actor: { subject: d.sourceId, role: 'source' },
        outcome: 'denied',
        reason: 'SUBJECT_ERASED',
        resources: { sourceId: d.sourceId },
        fingerprints: { record: d.recordFingerprint },
        details: { eventId: d.eventId },
      });
    }
    for (const r of outcome.readmitted) {
      await audit.append({
        action: 'ingest.readmit',
        actor: { subject: r.sourceId, role: 'source' },
        outcome: 'allowed',
        reason: 'NEW_LEGAL_BASIS',
        legalBasis: r.legalBasis,
        resources: { sourceId: r.sourceId },
        fingerprints: { record: r.recordFingerprint },
        details: { eventId: r.eventId },
      });
    }
  }

  private count(accepted: Accepted[], refused: Refused[], outcome: ApplyOutcome): void {
    const { metrics } = this.deps;
    const dropped = new Set(outcome.dropped.map((d) => d.eventId));
    for (const d of outcome.dropped) metrics.dropped.inc({ source: d.sourceId, reason: 'SUBJECT_ERASED' });
    // An id is applied once; any other copy of it, in this chunk or from before, is a duplicate.
    const fresh = new Set(outcome.freshEventIds);
    for (const { update } of accepted) {
      if (dropped.has(update.eventId)) continue;
      const first = fresh.delete(update.eventId);
      (first ? metrics.applied : metrics.duplicates).inc({ source: update.sourceId });
    }
    for (const { rejection } of refused) {
      metrics.rejected.inc({ source: rejection.sourceId ?? UNREGISTERED_SOURCE, reason: rejection.reason });
    }
  }

  private restartAfterCrash(): void {
    if (this.stopping) return;
    this.deps.log.error('ingest consumer crashed; restarting it in 5 s');
    setTimeout(() => {
      if (this.stopping) return;
      this.start().catch((error: unknown) => {
        this.deps.log.error(safeErrorSummary(error), 'ingest consumer restart failed');
        this.restartAfterCrash();
      });
    }, 5_000).unref();
  }
}

/** Half the broker's default message.max.bytes (1 MB), leaving room for record overhead. */
const MAX_DEAD_LETTER_BATCH_BYTES = 512 * 1024;

function byteBoundedBatches(letters: DeadLetter[], maxBytes: number): DeadLetter[][] {
  const batches: DeadLetter[][] = [];
  let current: DeadLetter[] = [];
  let bytes = 0;
  for (const letter of letters) {
    const size = deadLetterBytes(letter);
    if (current.length > 0 && bytes + size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(letter);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function processingFailed(sourceId: string, attempts: number): Rejection {
  return { reason: 'PROCESSING_FAILED', detail: `the event could not be applied after ${attempts} attempts`, sourceId };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
