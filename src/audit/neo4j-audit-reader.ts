import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { cypher } from '../platform/cypher-file.js';
import type { AuditChainSource, SeqBounds } from './audit-chain-source.js';
import type { AuditCheckpoint } from './audit-checkpoint.js';
import type { AuditRecord } from './audit-entry.js';
import {
  DEFAULT_QUERY_LIMIT,
  MAX_QUERY_LIMIT,
  type AuditFilter,
  type AuditPage,
  type AuditReader,
} from './audit-reader.js';
import { withoutUndefined, type StoredAuditRecord } from './stored-audit-record.js';

/** Each filter is a fixed clause over a parameter: nothing from the request is ever spliced into Cypher. */
const FILTER_CLAUSES: Record<Exclude<keyof AuditFilter, 'limit'>, string> = {
  personId: 'r.personId = $personId',
  caseId: 'r.caseId = $caseId',
  actor: 'r.actorSubject = $actor',
  creditor: 'r.creditor = $creditor',
  action: 'r.action = $action',
  outcome: 'r.outcome = $outcome',
  from: 'r.at >= $from',
  to: 'r.at < $to',
  after: 'r.seq < toInteger($after)',
};

/** Reads one chain: queries for auditors, and the AuditChainSource that verification and export walk. */
export class Neo4jAuditReader implements AuditReader, AuditChainSource {
  constructor(
    private readonly graph: Neo4jGraph,
    readonly chain: string,
  ) {}

  async query(filter: AuditFilter): Promise<AuditPage> {
    const limit = Math.min(Math.max(1, filter.limit ?? DEFAULT_QUERY_LIMIT), MAX_QUERY_LIMIT);
    const used = (Object.keys(FILTER_CLAUSES) as (keyof typeof FILTER_CLAUSES)[]).filter(
      (k) => filter[k] !== undefined,
    );
    const where = ['r.chain = $chain', ...used.map((k) => FILTER_CLAUSES[k])].join(' AND ');
    const result = await this.graph.read((tx) =>
      tx.run(
        `MATCH (r:AuditRecord) WHERE ${where} RETURN r.canonical AS canonical, r.hash AS hash ORDER BY r.seq DESC LIMIT toInteger($limit)`,
        {
          ...filter,
          chain: this.chain,
          limit,
        },
      ),
    );
    const records = result.records.map((r) => ({
      ...(JSON.parse(r.get('canonical') as string) as Omit<AuditRecord, 'hash'>),
      hash: r.get('hash') as string,
    }));
    return {
      records,
      nextCursor: records.length === limit ? records[records.length - 1]!.seq : null,
    };
  }

  async bounds(): Promise<SeqBounds | undefined> {
    const result = await this.graph.read((tx) =>
      tx.run(
        `CALL () { MATCH (r:AuditRecord) WHERE r.chain = $chain AND r.seq IS NOT NULL RETURN r.seq AS first ORDER BY r.seq ASC LIMIT 1 }
         CALL () { MATCH (r:AuditRecord) WHERE r.chain = $chain AND r.seq IS NOT NULL RETURN r.seq AS last ORDER BY r.seq DESC LIMIT 1 }
         RETURN first, last`,
        { chain: this.chain },
      ),
    );
    const row = result.records[0];
    return row === undefined
      ? undefined
      : { first: row.get('first') as number, last: row.get('last') as number };
  }

  async records(fromSeq: number, toSeq: number): Promise<StoredAuditRecord[]> {
    const result = await this.graph.read((tx) =>
      tx.run(cypher('audit-records-range'), { chain: this.chain, fromSeq, toSeq }),
    );
    return result.records.map((r) => withoutUndefined(r.get('record') as StoredAuditRecord));
  }

  async checkpoints(fromSeq: number, toSeq: number): Promise<AuditCheckpoint[]> {
    const result = await this.graph.read((tx) =>
      tx.run(
        `MATCH (c:AuditCheckpoint) WHERE c.chain = $chain AND c.seq >= toInteger($fromSeq) AND c.seq <= toInteger($toSeq)
         RETURN c {.chain, .seq, .hash, .at, .signature, .publicKeyId} AS checkpoint ORDER BY c.seq`,
        { chain: this.chain, fromSeq, toSeq },
      ),
    );
    return result.records.map((r) => r.get('checkpoint') as AuditCheckpoint);
  }

  async head(): Promise<{ seq: number; hash: string } | undefined> {
    const result = await this.graph.read((tx) =>
      tx.run('MATCH (h:AuditHead {chain: $chain}) RETURN h.seq AS seq, h.hash AS hash', {
        chain: this.chain,
      }),
    );
    const row = result.records[0];
    return row === undefined
      ? undefined
      : { seq: row.get('seq') as number, hash: row.get('hash') as string };
  }

  async seqsBetween(
    fromTime: string | undefined,
    toTime: string | undefined,
  ): Promise<SeqBounds | undefined> {
    const result = await this.graph.read((tx) =>
      tx.run(
        `MATCH (r:AuditRecord) WHERE r.chain = $chain AND r.at >= $fromTime AND r.at < $toTime
         RETURN min(r.seq) AS first, max(r.seq) AS last`,
        { chain: this.chain, fromTime: fromTime ?? '', toTime: toTime ?? '\uffff' },
      ),
    );
    const first = result.records[0]?.get('first') as number | null;
    const last = result.records[0]?.get('last') as number | null;
    return first === null || last === null ? undefined : { first, last };
  }
}
