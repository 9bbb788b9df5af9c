import { strict as assert } from 'node:assert';
import { AuditCheckpointer } from '../../src/audit/audit-checkpointer.js';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import { Neo4jAuditReader } from '../../src/audit/neo4j-audit-reader.js';
import { purgeExpiredAudit } from '../../src/audit/purge-expired-audit.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { testConfig, uniqueName } from '../support/test-config.js';
import { newSigningKey, sampleEntry } from './audit-fixtures.js';

const DAY = 86_400_000;

describe('audit retention purge (real Neo4j, injected clock)', function () {
  this.timeout(60_000);
  const key = newSigningKey();
  let graph: Neo4jGraph;
  const chains: string[] = [];

  before(() => {
    graph = new Neo4jGraph(testConfig().neo4j);
  });
  after(async () => {
    await graph.run(
      'MATCH (n) WHERE (n:AuditRecord OR n:AuditHead OR n:AuditCheckpoint) AND n.chain IN $chains DELETE n',
      { chains },
    );
    await graph.close();
  });

  /** Records 1..12 on days 0..11 since 2019-01-01, checkpoints after seq 4 and 9. */
  async function agedChain(): Promise<{ chain: string; reader: Neo4jAuditReader }> {
    const chain = uniqueName('test-audit-purge');
    chains.push(chain);
    let now = Date.UTC(2019, 0, 1);
    const clock = () => new Date(now);
    const log = new Neo4jAuditLog(graph, { chain, clock });
    const checkpointer = new AuditCheckpointer(graph, { chain, key, intervalMs: 60_000, clock });
    for (let i = 1; i <= 12; i++) {
      await log.append(sampleEntry(i));
      if (i === 4 || i === 9) await checkpointer.checkpointNow();
      now += DAY;
    }
    return { chain, reader: new Neo4jAuditReader(graph, chain) };
  }

  it('when records pass retention, then only those below the newest qualifying checkpoint go, and the chain still verifies', async () => {
    const { chain, reader } = await agedChain();
    // Retention 1825 days: on this date, records of days 0..6 (seq 1..7) are expired.
    const clock = () => new Date(Date.UTC(2019, 0, 1) + (1825 + 7) * DAY - 1);
    const result = await purgeExpiredAudit(graph, { chain, olderThanDays: 1825, clock });
    assert.deepEqual(result, { cutSeq: 4, deletedRecords: 4, deletedCheckpoints: 0 });
    assert.deepEqual(await reader.bounds(), { first: 5, last: 12 });
    const verified = await verifyAuditChain(reader, key.publicKey);
    assert.deepEqual(
      [verified.ok, verified.checkedRecords, verified.checkedCheckpoints],
      [true, 8, 2],
    );
  });

  it('when no checkpoint lies below the expired records, then nothing is deleted', async () => {
    const { chain, reader } = await agedChain();
    const clock = () => new Date(Date.UTC(2019, 0, 1) + (1825 + 3) * DAY);
    assert.deepEqual(await purgeExpiredAudit(graph, { chain, olderThanDays: 1825, clock }), {
      cutSeq: 0,
      deletedRecords: 0,
      deletedCheckpoints: 0,
    });
    assert.deepEqual(await reader.bounds(), { first: 1, last: 12 });
  });

  it('when a later purge passes the next checkpoint, then older checkpoints go too and the new cut anchors the chain', async () => {
    const { chain, reader } = await agedChain();
    const clock = () => new Date(Date.UTC(2019, 0, 1) + (1825 + 11) * DAY);
    assert.deepEqual(await purgeExpiredAudit(graph, { chain, olderThanDays: 1825, clock }), {
      cutSeq: 9,
      deletedRecords: 9,
      deletedCheckpoints: 1,
    });
    const verified = await verifyAuditChain(reader, key.publicKey);
    assert.deepEqual([verified.ok, verified.checkedRecords], [true, 3]);
  });
});
