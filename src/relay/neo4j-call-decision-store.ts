import type { AuditEntry } from '../audit/audit-entry.js';
import type { AuditedWrite, TransactionalAuditLog } from '../audit/audited-write.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { CallDecisionStore, StoredCallDecision } from './call-decision-store.js';

/** The stored decisions, one per call id: a retried webhook finds the decision it got first. */
const mergeDecisions = (param: string) => `UNWIND $${param} AS decision
  MERGE (d:CallDecision {callId: decision.callId})
    ON CREATE SET d += decision
  RETURN collect(d {.*}) AS ${param}`;

/** A call id twice in one batch (a retried webhook racing itself) gets the first decision. */
function storedDecisions(returned: unknown[], decisions: readonly StoredCallDecision[]): StoredCallDecision[] {
  const stored = new Map((returned as StoredCallDecision[]).map((d) => [d.callId, d]));
  return decisions.map((d) => stored.get(d.callId) ?? d);
}

/**
 * Decisions ride in the audit log's group commit: a carrier's burst of calls is one statement, with
 * their audit records, and a caller waits for that one commit.
 */
const SAVE_DECISIONS: AuditedWrite<StoredCallDecision, StoredCallDecision> = {
  async run(tx, decisions) {
    const result = await tx.run(mergeDecisions('decisions'), { decisions });
    return storedDecisions(result.records[0]?.get('decisions') as unknown[], decisions);
  },
  inline: { subquery: mergeDecisions, outputs: storedDecisions },
};

export class Neo4jCallDecisionStore implements CallDecisionStore {
  constructor(
    private readonly graph: Neo4jGraph,
    private readonly audit: TransactionalAuditLog,
  ) {}

  async save(decision: StoredCallDecision, audit: AuditEntry): Promise<StoredCallDecision> {
    return (await this.audit.appendWith(SAVE_DECISIONS, decision, audit)).output;
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
