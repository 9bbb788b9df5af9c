import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { CallDecisionStore, StoredCallDecision } from './call-decision-store.js';

export class Neo4jCallDecisionStore implements CallDecisionStore {
  constructor(private readonly graph: Neo4jGraph) {}

  async save(decision: StoredCallDecision): Promise<StoredCallDecision> {
    const result = await this.graph.write((tx) =>
      tx.run(
        `MERGE (d:CallDecision {callId: $decision.callId})
           ON CREATE SET d += $decision
         RETURN d {.*} AS d`,
        { decision },
      ),
    );
    return result.records[0]!.get('d') as StoredCallDecision;
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
