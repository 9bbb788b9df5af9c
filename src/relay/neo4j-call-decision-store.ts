import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { CallDecisionStore, StoredCallDecision } from './call-decision-store.js';

interface PendingSave {
  decision: StoredCallDecision;
  resolve(stored: StoredCallDecision): void;
  reject(error: unknown): void;
}

/** Decisions per group commit: a carrier's burst of calls is one transaction, not one each. */
const MAX_BATCH = 500;

export class Neo4jCallDecisionStore implements CallDecisionStore {
  private queue: PendingSave[] = [];
  private flushing = false;

  constructor(private readonly graph: Neo4jGraph) {}

  /**
   * Group commit, as the audit log does: saves arriving while a transaction runs wait for the next
   * one, together. Each caller still learns only after its own decision is durable.
   */
  save(decision: StoredCallDecision): Promise<StoredCallDecision> {
    return new Promise((resolve, reject) => {
      this.queue.push({ decision, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const result = await this.graph.write((tx) =>
          tx.run<{ d: StoredCallDecision }>(
            `UNWIND $decisions AS decision
             MERGE (d:CallDecision {callId: decision.callId})
               ON CREATE SET d += decision
             RETURN d {.*} AS d`,
            { decisions: batch.map((p) => p.decision) },
          ),
        );
        // A call id twice in one batch (a retried webhook racing itself) gets the first decision.
        const stored = new Map(result.records.map((r) => [r.get('d').callId, r.get('d')]));
        for (const p of batch) p.resolve(stored.get(p.decision.callId) ?? p.decision);
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.flushing = false;
  }

  async recordOutcome(callId: string, answered: boolean, endedAt: Date): Promise<StoredCallDecision | undefined> {
    const result = await this.graph.write((tx) =>
      tx.run(
        `MATCH (d:CallDecision {callId: $callId}) WHERE d.action = 'connect'
         SET d.connected = $answered, d.endedAt = $endedAt
         RETURN d {.*} AS d`,
        { callId, answered, endedAt: endedAt.toISOString() },
      ),
    );
    return result.records[0]?.get('d') as StoredCallDecision | undefined;
  }

  async lastOutboundLine(bindingId: string): Promise<string | undefined> {
    const result = await this.graph.read((tx) =>
      tx.run<{ line: string }>(
        `MATCH (d:CallDecision {bindingId: $bindingId}) WHERE d.direction = 'outbound' AND d.action = 'connect' AND d.fromNumber IS NOT NULL
         RETURN d.fromNumber AS line ORDER BY d.atMs DESC LIMIT 1`,
        { bindingId },
      ),
    );
    return result.records[0]?.get('line') ?? undefined;
  }
}
