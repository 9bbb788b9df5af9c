import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { MatchableRecord } from '../resolve/matchable-record.js';
import { Neo4jResolutionStore } from '../resolve/neo4j-resolution-store.js';
import type { MatchModel } from '../resolve/scoring/match-model.js';
import { caseKey, type CaseRef, type CaseState, type CaseStore } from './case-store.js';
import { queueCaseRefreshed } from './contact-refreshed-outbox.js';
import { matchDebtor, type DebtorMatch } from './match-debtor.js';

export class Neo4jCaseStore implements CaseStore {
  constructor(
    private readonly graph: Neo4jGraph,
    private readonly model: MatchModel,
    private readonly trustOf: (sourceId: string) => number,
    /** Where a re-match tells the creditor (`contact.refreshed.v1`, with any topic prefix). */
    private readonly refreshedTopic = 'contact.refreshed.v1',
  ) {}

  async register(ref: CaseRef, debtor: MatchableRecord, now: Date, options: { notify?: boolean } = {}): Promise<{ created: boolean; match: DebtorMatch }> {
    const match = await this.graph.read((tx) => matchDebtor(new Neo4jResolutionStore(tx, this.trustOf), debtor, this.model));
    const created = await this.graph.write(async (tx) => {
      const result = await tx.run<{ created: boolean }>(cypher('upsert-case'), {
        key: caseKey(ref),
        creditor: ref.creditor,
        caseId: ref.caseId,
        now: now.toISOString(),
        debtorJson: JSON.stringify(debtor),
        matchState: match.matched ? 'matched' : 'unmatched',
        matchReason: match.matched ? null : match.reason,
        matchScore: match.matched ? match.score : null,
        personId: match.matched ? match.personId : null,
        ruleSetVersion: this.model.version,
      });
      if (options.notify && match.matched) await queueCaseRefreshed(tx, caseKey(ref), now, this.refreshedTopic);
      return result.records[0]?.get('created') ?? false;
    });
    return { created, match };
  }

  async find(ref: CaseRef): Promise<CaseState | undefined> {
    const result = await this.graph.read((tx) => tx.run<CaseState>(cypher('case-view'), { key: caseKey(ref) }));
    const row = result.records[0]?.toObject();
    if (row === undefined || row.creditor !== ref.creditor) return undefined;
    return { ...row, lastRefreshedAt: isoMillis(row.lastRefreshedAt), restrictions: [...new Set(row.restrictions)] };
  }

  async close(ref: CaseRef, now: Date): Promise<boolean> {
    const result = await this.graph.write((tx) =>
      tx.run(`MATCH (c:Case {key: $key}) SET c.state = 'closed', c.closedAt = coalesce(c.closedAt, $now) RETURN c.key AS key`, {
        key: caseKey(ref),
        now: now.toISOString(),
      }),
    );
    return result.records.length > 0;
  }

  async unmatched(limit: number): Promise<{ ref: CaseRef; debtor: MatchableRecord }[]> {
    const result = await this.graph.read((tx) =>
      tx.run<{ creditor: string; caseId: string; debtorJson: string }>(
        `MATCH (c:Case) WHERE c.matchState = 'unmatched' AND c.state = 'open' AND NOT coalesce(c.erased, false)
         RETURN c.creditor AS creditor, c.caseId AS caseId, c.debtorJson AS debtorJson
         ORDER BY c.matchedAt LIMIT toInteger($limit)`,
        { limit },
      ),
    );
    return result.records.map((r) => ({
      ref: { creditor: r.get('creditor'), caseId: r.get('caseId') },
      debtor: JSON.parse(r.get('debtorJson')) as MatchableRecord,
    }));
  }
}

/** Neo4j prints nanoseconds; the API speaks RFC 3339 with milliseconds. */
function isoMillis(value: string | null): string | null {
  return value === null ? null : new Date(value.replace(/(\.\d{3})\d+/, '$1')).toISOString();
}
