import { strict as assert } from 'node:assert';
import { AuditCheckpointer } from '../../src/audit/audit-checkpointer.js';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import { Neo4jAuditReader } from '../../src/audit/neo4j-audit-reader.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { DependencyUnavailableError } from '../../src/errors.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { testConfig, uniqueName } from '../support/test-config.js';
import { newSigningKey, sampleEntry } from './audit-fixtures.js';

describe('Neo4j audit log (real Neo4j)', function () {
  this.timeout(120_000);
  const graphs: Neo4jGraph[] = [];
  const chains: string[] = [];
  const newGraph = () => {
    const g = new Neo4jGraph(testConfig().neo4j);
    graphs.push(g);
    return g;
  };
  const newChain = () => {
    const chain = uniqueName('test-audit');
    chains.push(chain);
    return chain;
  };

  after(async () => {
    await graphs[0]?.run(
      'MATCH (n) WHERE (n:AuditRecord OR n:AuditHead OR n:AuditCheckpoint) AND n.chain IN $chains DETACH DELETE n',
      { chains },
    );
    await Promise.all(graphs.map((g) => g.close()));
  });

  it('when one append resolves, then its record is durable, sequenced from 1 and chained to genesis', async () => {
    const chain = newChain();
    const graph = newGraph();
    const record = await new Neo4jAuditLog(graph, { chain }).append(sampleEntry(1));
    assert.deepEqual([record.seq, record.prevHash], [1, '0'.repeat(64)]);
    const [stored] = await new Neo4jAuditReader(graph, chain).records(1, 1);
    assert.equal(stored?.hash, record.hash);
    assert.equal(stored?.personId, 'person-1');
  });

  it('when two replicas append 2,000 entries concurrently on one chain, then seqs are 1..N without gaps and the chain verifies', async () => {
    const chain = newChain();
    const replicas = [
      new Neo4jAuditLog(newGraph(), { chain }),
      new Neo4jAuditLog(newGraph(), { chain }),
    ];
    const n = 2_000;
    const started = performance.now();
    // 100 concurrent callers per replica, each appending one entry after the other.
    const callers = Array.from({ length: 200 }, (_, c) => async () => {
      const seqs: number[] = [];
      for (let i = c; i < n; i += 200)
        seqs.push((await replicas[c % 2]!.append(sampleEntry(i))).seq);
      return seqs;
    });
    const seqs = (await Promise.all(callers.map((run) => run()))).flat();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `      audit appends: ${n} from 200 concurrent callers on 2 replicas in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)}/s`,
    );

    assert.deepEqual(
      [...seqs].sort((a, b) => a - b),
      Array.from({ length: n }, (_, i) => i + 1),
    );
    const reader = new Neo4jAuditReader(graphs[graphs.length - 1]!, chain);
    const key = newSigningKey();
    await new AuditCheckpointer(graphs[graphs.length - 1]!, {
      chain,
      key,
      intervalMs: 60_000,
    }).checkpointNow();
    const result = await verifyAuditChain(reader, key.publicKey);
    assert.deepEqual(result, {
      ok: true,
      chain,
      checkedRecords: n,
      checkedCheckpoints: 1,
      headSeq: n,
    });
  });

  it('when Neo4j is unreachable, then append rejects with DependencyUnavailableError within its timeout', async () => {
    const unreachable = new Neo4jGraph({ ...testConfig().neo4j, uri: 'bolt://127.0.0.1:1' });
    try {
      const started = Date.now();
      await assert.rejects(
        new Neo4jAuditLog(unreachable, { chain: newChain(), timeoutMs: 500 }).append(
          sampleEntry(1),
        ),
        DependencyUnavailableError,
      );
      assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
    } finally {
      await unreachable.close();
    }
  });

  it('when the head has not moved since the last checkpoint, then no second checkpoint is written', async () => {
    const chain = newChain();
    const graph = newGraph();
    const log = new Neo4jAuditLog(graph, { chain });
    const checkpointer = new AuditCheckpointer(graph, {
      chain,
      key: newSigningKey(),
      intervalMs: 60_000,
    });
    assert.equal(await checkpointer.checkpointNow(), undefined);
    await log.append(sampleEntry(1));
    assert.equal((await checkpointer.checkpointNow())?.seq, 1);
    assert.equal(await checkpointer.checkpointNow(), undefined);
    await log.append(sampleEntry(2));
    assert.equal((await checkpointer.checkpointNow())?.seq, 2);
  });

  it('when the checkpointer runs on its interval, then it signs the moved head without being asked', async () => {
    const chain = newChain();
    const graph = newGraph();
    await new Neo4jAuditLog(graph, { chain }).append(sampleEntry(1));
    const checkpointer = new AuditCheckpointer(graph, {
      chain,
      key: newSigningKey(),
      intervalMs: 100,
    });
    checkpointer.start();
    try {
      const reader = new Neo4jAuditReader(graph, chain);
      for (let i = 0; i < 50 && (await reader.checkpoints(1, 1)).length === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      assert.equal((await reader.checkpoints(1, 1)).length, 1);
    } finally {
      await checkpointer.stop();
    }
  });
});
