import { strict as assert } from 'node:assert';
import type { AuditRecord } from '../../src/audit/audit-entry.js';
import type { AuditFilter } from '../../src/audit/audit-reader.js';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import { Neo4jAuditReader } from '../../src/audit/neo4j-audit-reader.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { testConfig, uniqueName } from '../support/test-config.js';
import { sampleEntry } from './audit-fixtures.js';

describe('audit query (real Neo4j)', function () {
  this.timeout(60_000);
  const chain = uniqueName('test-audit-query');
  let graph: Neo4jGraph;
  let reader: Neo4jAuditReader;
  let all: AuditRecord[];
  let tick = Date.UTC(2024, 4, 1);

  before(async () => {
    graph = new Neo4jGraph(testConfig().neo4j);
    // One minute apart, so time filters select known records.
    const log = new Neo4jAuditLog(graph, { chain, clock: () => new Date((tick += 60_000)) });
    all = [];
    for (let i = 1; i <= 30; i++) all.push(await log.append(sampleEntry(i)));
    reader = new Neo4jAuditReader(graph, chain);
  });
  after(async () => {
    await graph.run(
      'MATCH (n) WHERE (n:AuditRecord OR n:AuditHead) AND n.chain = $chain DELETE n',
      { chain },
    );
    await graph.close();
  });

  /** Every page of a query, following nextCursor. */
  async function everyPage(filter: AuditFilter): Promise<AuditRecord[][]> {
    const pages: AuditRecord[][] = [];
    let after: number | undefined;
    do {
      const page = await reader.query({ ...filter, after });
      pages.push(page.records);
      after = page.nextCursor ?? undefined;
    } while (after !== undefined);
    return pages;
  }

  const seqs = (records: AuditRecord[]) => records.map((r) => r.seq);
  const expected = (keep: (r: AuditRecord) => boolean) => seqs(all.filter(keep)).reverse();

  it("when filtered by person, then exactly that person's records come back, newest first, with hashes", async () => {
    const { records, nextCursor } = await reader.query({ personId: 'person-1' });
    assert.deepEqual(
      seqs(records),
      expected((r) => r.resources?.personId === 'person-1'),
    );
    assert.equal(nextCursor, null);
    assert.equal(records[0]?.hash, all[records[0]!.seq - 1]?.hash);
  });

  it('when a query spans several pages, then following nextCursor returns every match once, in order', async () => {
    const pages = await everyPage({ caseId: 'case-2', limit: 2 });
    assert.ok(pages.length >= 2);
    assert.ok(pages.slice(0, -1).every((p) => p.length === 2));
    assert.deepEqual(
      seqs(pages.flat()),
      expected((r) => r.resources?.caseId === 'case-2'),
    );
  });

  it('when filtered by actor, creditor, action and outcome together, then only records matching all come back', async () => {
    const filter = {
      actor: 'collector-0',
      creditor: 'bank-a',
      action: 'relay.create',
      outcome: 'allowed' as const,
    };
    const { records } = await reader.query(filter);
    const want = expected(
      (r) =>
        r.actor.subject === 'collector-0' &&
        r.actor.creditor === 'bank-a' &&
        r.action === 'relay.create' &&
        r.outcome === 'allowed',
    );
    assert.ok(want.length > 0);
    assert.deepEqual(seqs(records), want);
  });

  it('when filtered by time, then from is inclusive and to exclusive', async () => {
    const from = all[9]!.at;
    const to = all[14]!.at;
    assert.deepEqual(seqs((await reader.query({ from, to })).records), [14, 13, 12, 11, 10]);
  });

  it('when no limit is given, then one page holds all 30 matches (up to 100); with limit 5 the cursor points past the fifth', async () => {
    assert.deepEqual((await reader.query({})).nextCursor, null);
    assert.equal((await reader.query({})).records.length, 30);
    assert.equal((await reader.query({ limit: 5 })).nextCursor, 26);
  });
});
