import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LocalInfraError, ensureLocalInfra } from '../../infra/local-infra.js';
import type { LocalInfraSettings } from '../../src/config.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { canRestartLocalInfra, testConfig } from '../support/test-config.js';

/**
 * The local Neo4j's transaction log settings: Neo4j's defaults (two days of 256 MiB files, each
 * preallocated) let a development store fill the disk, after which it no longer starts.
 */
describe('the local Neo4j started by the project', function () {
  let graph: Neo4jGraph;
  before(function () {
    if (!canRestartLocalInfra()) this.skip(); // an external Neo4j keeps its operator's settings
    graph = new Neo4jGraph(testConfig().neo4j);
  });
  after(async () => graph?.close());

  it('when it runs, then it keeps two 64 MiB transaction log files and preallocates none', async () => {
    const result = await graph.readOnce<{ name: string; value: string }>(
      "SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'db.tx_log.' RETURN name, value",
    );
    const settings = Object.fromEntries(result.records.map((r) => [r.get('name'), r.get('value')]));
    assert.equal(settings['db.tx_log.rotation.retention_policy'], '2 files');
    assert.equal(settings['db.tx_log.rotation.size'], '64.00MiB');
    assert.equal(settings['db.tx_log.preallocate'], 'false');
  });
});

describe('a local Neo4j that cannot start', function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    if (!canRestartLocalInfra()) this.skip(); // needs the launcher's jars, which the suite fetched
    dir = mkdtempSync(join(tmpdir(), 'recontact-neo4j-fails-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('when its store cannot be created, then start-up fails at once with the causes from its log and no stack frames', async () => {
    const settings: LocalInfraSettings = {
      dir, kafkaHeapMiB: 256, neo4jHeapMiB: 256, neo4jPageCacheMiB: 64, startTimeoutMs: 90_000,
      kafkaPort: await freePort(), kafkaControllerPort: await freePort(), neo4jBoltPort: await freePort(),
    };
    // A file where the store's directory belongs: Neo4j cannot create its databases.
    mkdirSync(join(dir, 'neo4j'), { recursive: true });
    writeFileSync(join(dir, 'neo4j', 'data'), 'not a directory\n');
    const started = Date.now();
    await assert.rejects(ensureLocalInfra(settings, () => undefined, ['neo4j']), (error: unknown) => {
      assert.ok(error instanceof LocalInfraError, String(error));
      assert.match(error.message, /the local Neo4j exited with code [1-9]\d* during start-up/);
      assert.match(error.message, /Caused by: java\.nio\.file\.FileAlreadyExistsException: .*neo4j\/data/);
      assert.match(error.message, /\.\.\. \d+ stack frames/);
      assert.doesNotMatch(error.message, /^\s+\|\s+at /m);
      return true;
    });
    // Well inside the start time-out: the launcher exits instead of leaving us polling.
    assert.ok(Date.now() - started < settings.startTimeoutMs / 2, `took ${Date.now() - started} ms`);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
