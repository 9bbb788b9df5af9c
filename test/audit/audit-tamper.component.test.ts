import { strict as assert } from 'node:assert';
import { signCheckpoint } from '../../src/audit/audit-checkpoint.js';
import { AuditCheckpointer } from '../../src/audit/audit-checkpointer.js';
import { exportAudit } from '../../src/audit/export-audit.js';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import { Neo4jAuditReader } from '../../src/audit/neo4j-audit-reader.js';
import { sealAuditRecord } from '../../src/audit/seal-audit-record.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { verifyAuditExport } from '../../src/audit/verify-audit-export.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { testConfig, uniqueName } from '../support/test-config.js';
import { newSigningKey, sampleEntry } from './audit-fixtures.js';

/**
 * Each tamper is done as someone with database access would: direct Cypher on a chain of 20
 * records with a signed checkpoint at seq 10. Verification must name the right seq and kind both
 * against the graph and offline, on an export taken after the tamper.
 */
describe('audit tamper detection (real Neo4j, and offline on an export)', function () {
  this.timeout(60_000);
  const key = newSigningKey();
  let graph: Neo4jGraph;
  const chains: string[] = [];

  before(() => {
    graph = new Neo4jGraph(testConfig().neo4j);
  });
  after(async () => {
    await graph.run(
      'MATCH (n) WHERE (n:AuditRecord OR n:AuditHead OR n:AuditCheckpoint) AND n.chain IN $chains DETACH DELETE n',
      { chains },
    );
    await graph.close();
  });

  async function freshChain(): Promise<string> {
    const chain = uniqueName('test-tamper');
    chains.push(chain);
    const log = new Neo4jAuditLog(graph, { chain });
    for (let i = 1; i <= 10; i++) await log.append(sampleEntry(i));
    await new AuditCheckpointer(graph, { chain, key, intervalMs: 60_000 }).checkpointNow();
    await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(sampleEntry(11 + i))));
    return chain;
  }

  async function findings(chain: string) {
    const reader = new Neo4jAuditReader(graph, chain);
    const live = await verifyAuditChain(reader, key.publicKey);
    const lines: string[] = [];
    for await (const line of exportAudit(reader)) lines.push(line);
    const offline = await verifyAuditExport(lines, key.publicKey);
    return {
      live: [live.firstBroken?.seq, live.firstBroken?.kind],
      offline: [offline.firstBroken?.seq, offline.firstBroken?.kind],
    };
  }

  const record = (chain: string, seq: number) => `MATCH (r:AuditRecord {key: '${chain}:${seq}'})`;

  it('when nothing was touched, then the graph and its export both verify', async () => {
    const chain = await freshChain();
    assert.deepEqual(await findings(chain), {
      live: [undefined, undefined],
      offline: [undefined, undefined],
    });
  });

  it('when a record field is edited, then both report EDITED at its seq', async () => {
    const chain = await freshChain();
    await graph.run(`${record(chain, 7)} SET r.outcome = 'denied'`);
    assert.deepEqual(await findings(chain), { live: [7, 'EDITED'], offline: [7, 'EDITED'] });
  });

  it('when a record is deleted, then both report DELETED at its seq', async () => {
    const chain = await freshChain();
    await graph.run(`${record(chain, 5)} DELETE r`);
    assert.deepEqual(await findings(chain), { live: [5, 'DELETED'], offline: [5, 'DELETED'] });
  });

  it('when a record is inserted under an existing seq, then both report INSERTED at that seq', async () => {
    const chain = await freshChain();
    const [prev] = await new Neo4jAuditReader(graph, chain).records(8, 8);
    const { stored } = sealAuditRecord(sampleEntry(99), {
      chain,
      seq: 9,
      at: prev!.at,
      prevHash: prev!.hash,
    });
    await graph.run('CREATE (r:AuditRecord) SET r = $stored, r.key = $key, r.seq = 9', {
      stored,
      key: `${chain}:9:extra`,
    });
    assert.deepEqual(await findings(chain), { live: [9, 'INSERTED'], offline: [9, 'INSERTED'] });
  });

  it('when two records are swapped, then both report REORDERED at the first of them', async () => {
    const chain = await freshChain();
    await graph.run(
      `${record(chain, 14)} ${record(chain, 15).replace('(r:', '(s:')} SET r.seq = 15, s.seq = 14`,
    );
    assert.deepEqual(await findings(chain), {
      live: [14, 'REORDERED'],
      offline: [14, 'REORDERED'],
    });
  });

  it("when a checkpoint's signature is forged, then both report FORGED_CHECKPOINT at its seq", async () => {
    const chain = await freshChain();
    const forged = signCheckpoint(
      { chain, seq: 10, hash: 'a'.repeat(64), at: new Date().toISOString() },
      key,
    ).signature;
    await graph.run('MATCH (c:AuditCheckpoint {key: $key}) SET c.signature = $forged', {
      key: `${chain}:10`,
      forged,
    });
    assert.deepEqual(await findings(chain), {
      live: [10, 'FORGED_CHECKPOINT'],
      offline: [10, 'FORGED_CHECKPOINT'],
    });
  });

  it('when a checkpoint is pointed at a wrong hash, then its signature gives it away: FORGED_CHECKPOINT at its seq', async () => {
    const chain = await freshChain();
    const [other] = await new Neo4jAuditReader(graph, chain).records(9, 9);
    await graph.run('MATCH (c:AuditCheckpoint {key: $key}) SET c.hash = $hash', {
      key: `${chain}:10`,
      hash: other!.hash,
    });
    assert.deepEqual(await findings(chain), {
      live: [10, 'FORGED_CHECKPOINT'],
      offline: [10, 'FORGED_CHECKPOINT'],
    });
  });

  it('when a genuinely signed checkpoint names another hash than its record, then both report CHECKPOINT_MISMATCH at its seq', async () => {
    const chain = await freshChain();
    const [other] = await new Neo4jAuditReader(graph, chain).records(9, 9);
    const wrong = signCheckpoint(
      { chain, seq: 10, hash: other!.hash, at: new Date().toISOString() },
      key,
    );
    await graph.run('MATCH (c:AuditCheckpoint {key: $key}) SET c += $wrong, c.seq = 10', {
      key: `${chain}:10`,
      wrong,
    });
    assert.deepEqual(await findings(chain), {
      live: [10, 'CHECKPOINT_MISMATCH'],
      offline: [10, 'CHECKPOINT_MISMATCH'],
    });
  });
});
