import { strict as assert } from 'node:assert';
import type { AuditedWrite } from '../../src/audit/audited-write.js';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import { Neo4jAuditReader } from '../../src/audit/neo4j-audit-reader.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { DependencyUnavailableError } from '../../src/errors.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { testConfig, uniqueName } from '../support/test-config.js';
import { sampleEntry } from './audit-fixtures.js';

/** Stores one probe node per key and reports how many statements it took. */
class ProbeWrite implements AuditedWrite<string, number> {
  statements = 0;

  async run(
    tx: Parameters<AuditedWrite<string, number>['run']>[0],
    keys: readonly string[],
  ): Promise<number[]> {
    this.statements++;
    const result = await tx.run<{ n: number }>(
      'UNWIND range(0, size($keys) - 1) AS i MERGE (p:AuditedWriteProbe {key: $keys[i]}) RETURN i AS n ORDER BY n',
      { keys },
    );
    return result.records.map((r) => r.get('n'));
  }
}

/** The same probe, also as an inline subquery, so a batch can commit in one statement. */
class InlineProbeWrite extends ProbeWrite {
  readonly inline = {
    subquery: (param: string) =>
      `UNWIND range(0, size($${param}) - 1) AS i MERGE (p:AuditedWriteProbe {key: $${param}[i]}) RETURN collect(i) AS ${param}`,
    outputs: (returned: unknown[]) => returned as number[],
  };
}

describe('writes committed with their audit records (real Neo4j)', function () {
  this.timeout(60_000);
  let graph: Neo4jGraph;
  const chains: string[] = [];
  const prefix = uniqueName('probe');
  const newChain = () => {
    const chain = uniqueName('test-audited-write');
    chains.push(chain);
    return chain;
  };
  const probes = async (keys: string[]) =>
    (
      await graph.run<{ key: string }>(
        'MATCH (p:AuditedWriteProbe) WHERE p.key IN $keys RETURN p.key AS key',
        { keys },
      )
    ).records
      .map((r) => r.get('key'))
      .sort();

  before(() => {
    graph = new Neo4jGraph(testConfig().neo4j);
  });
  after(async () => {
    await graph.run('MATCH (p:AuditedWriteProbe) WHERE p.key STARTS WITH $prefix DELETE p', {
      prefix,
    });
    await graph.run(
      'MATCH (n) WHERE (n:AuditRecord OR n:AuditHead) AND n.chain IN $chains DETACH DELETE n',
      { chains },
    );
    await graph.close();
  });

  it('when writes and plain entries arrive together, then they share one transaction, each kind in one statement, and every write has its record', async () => {
    const chain = newChain();
    const log = new Neo4jAuditLog(graph, { chain });
    const write = new ProbeWrite();
    const keys = Array.from({ length: 40 }, (_, i) => `${prefix}-a-${i}`);
    const [written, plain] = await Promise.all([
      Promise.all(
        keys.map((key, i) =>
          log.appendWith(write, key, (n) => ({
            ...sampleEntry(i),
            requestId: key,
            details: { position: n },
          })),
        ),
      ),
      Promise.all([1, 2, 3].map((i) => log.append(sampleEntry(100 + i)))),
    ]);
    assert.equal(write.statements, 1, 'one statement for the whole burst');
    assert.deepEqual(await probes(keys), [...keys].sort());
    for (const [i, { record }] of written.entries()) assert.equal(record.requestId, keys[i]);
    assert.deepEqual(
      [...written.map((w) => w.record.seq), ...plain.map((r) => r.seq)].sort((a, b) => a - b),
      Array.from({ length: 43 }, (_, i) => i + 1),
    );
    assert.equal((await verifyAuditChain(new Neo4jAuditReader(graph, chain), [])).ok, true);
  });

  it('when the head is known and every write can run inline, then a burst commits as one statement, and a write sharing a batch with another kind still has its record', async () => {
    const chain = newChain();
    const log = new Neo4jAuditLog(graph, { chain });
    await log.append(sampleEntry(0));
    const write = new InlineProbeWrite();
    const keys = Array.from({ length: 30 }, (_, i) => `${prefix}-e-${i}`);
    const before = { ...graph.traffic };
    const written = await Promise.all(
      keys.map((key, i) => log.appendWith(write, key, { ...sampleEntry(i), requestId: key })),
    );
    assert.equal(graph.traffic.writeTransactions - before.writeTransactions, 1, 'one transaction');
    assert.equal(graph.traffic.statements - before.statements, 1, 'one statement, no commit round trip');
    assert.equal(write.statements, 0, 'the transaction path was not taken');
    assert.deepEqual(
      written.map((w) => w.output),
      keys.map((_, i) => i),
    );
    assert.deepEqual(await probes(keys), [...keys].sort());
    for (const [i, { record }] of written.entries()) assert.equal(record.requestId, keys[i]);

    const other = new InlineProbeWrite();
    const mixed = await Promise.all([
      log.appendWith(write, `${prefix}-e-mixed-1`, sampleEntry(40)),
      log.appendWith(other, `${prefix}-e-mixed-2`, sampleEntry(41)),
      log.append(sampleEntry(42)),
    ]);
    assert.deepEqual([mixed[0].output, mixed[1].output], [0, 0]);
    assert.deepEqual(await probes([`${prefix}-e-mixed-1`, `${prefix}-e-mixed-2`]), [
      `${prefix}-e-mixed-1`,
      `${prefix}-e-mixed-2`,
    ]);
    assert.deepEqual(
      (await verifyAuditChain(new Neo4jAuditReader(graph, chain), [])).ok,
      true,
    );
  });

  it('when another replica moved the head, then an inline batch writes nothing in its one statement and commits through the transaction, chained onto the new head', async () => {
    const chain = newChain();
    const [a, b] = [new Neo4jAuditLog(graph, { chain }), new Neo4jAuditLog(graph, { chain })];
    const write = new InlineProbeWrite();
    await a.append(sampleEntry(1));
    await b.append(sampleEntry(2));
    const key = `${prefix}-f-1`;
    const { output, record } = await a.appendWith(write, key, sampleEntry(3));
    assert.equal(record.seq, 3);
    assert.equal(output, 0);
    assert.equal(write.statements, 1, 'the transaction path wrote it');
    assert.deepEqual(await probes([key]), [key]);
    const count = await graph.run<{ n: number }>(
      'MATCH (a:AuditRecord {chain: $chain}) RETURN count(a) AS n',
      { chain },
    );
    assert.equal(count.records[0]!.get('n'), 3, 'the stale statement wrote no record');
    assert.equal((await verifyAuditChain(new Neo4jAuditReader(graph, chain), [])).ok, true);
  });

  it('when one entry cannot be written as JSON, then only that request fails, its write is rolled back, and the rest commit', async () => {
    const log = new Neo4jAuditLog(graph, { chain: newChain() });
    const write = new ProbeWrite();
    const good = `${prefix}-b-good`;
    const bad = `${prefix}-b-bad`;
    const alsoGood = `${prefix}-b-also-good`;
    const entry = (key: string) => () => ({
      ...sampleEntry(1),
      details: { x: key === bad ? Number.NaN : 1 },
    });
    const results = await Promise.allSettled(
      [good, bad, alsoGood].map((key) => log.appendWith(write, key, entry(key))),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.ok((results[1] as PromiseRejectedResult).reason instanceof TypeError);
    assert.deepEqual(await probes([good, bad, alsoGood]), [alsoGood, good].sort());
  });

  it('when the chain head stays locked past the timeout, then the caller is refused and neither the record nor the write appears later', async () => {
    const chain = newChain();
    const log = new Neo4jAuditLog(graph, { chain, timeoutMs: 500 });
    await log.append(sampleEntry(1));
    const key = `${prefix}-d-late`;
    const session = graph.driver.session();
    const holder = await session.beginTransaction();
    try {
      await holder.run('MATCH (h:AuditHead {chain: $chain}) SET h.lockedAt = timestamp()', {
        chain,
      });
      const started = Date.now();
      await assert.rejects(
        log.appendWith(new ProbeWrite(), key, sampleEntry(2)),
        DependencyUnavailableError,
      );
      assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
    } finally {
      await holder.commit();
      await session.close();
    }
    await log.drain();
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await probes([key]), [], 'the write was rolled back, not committed late');
    const head = await graph.run<{ seq: number }>(
      'MATCH (h:AuditHead {chain: $chain}) RETURN h.seq AS seq',
      { chain },
    );
    assert.equal(head.records[0]!.get('seq'), 1, 'no record was appended late');
    assert.equal((await log.append(sampleEntry(3))).seq, 2, 'the log goes on where it was');
  });

  it('when another replica appended since this one last did, then its next batch is chained onto the new head', async () => {
    const chain = newChain();
    const [a, b] = [new Neo4jAuditLog(graph, { chain }), new Neo4jAuditLog(graph, { chain })];
    const write = new ProbeWrite();
    const seqs = [
      (await a.append(sampleEntry(1))).seq,
      (await b.append(sampleEntry(2))).seq,
      (await a.appendWith(write, `${prefix}-c-1`, sampleEntry(3))).record.seq,
      (await a.append(sampleEntry(4))).seq,
    ];
    assert.deepEqual(seqs, [1, 2, 3, 4]);
    assert.equal((await verifyAuditChain(new Neo4jAuditReader(graph, chain), [])).ok, true);
  });
});
