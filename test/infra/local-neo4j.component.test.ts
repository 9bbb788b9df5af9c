import { strict as assert } from 'node:assert';

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
