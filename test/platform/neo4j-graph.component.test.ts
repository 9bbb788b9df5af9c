import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, loadMigrations, MigrationError } from '../../src/platform/graph-migrations.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';

describe('Neo4j graph (real server)', function () {
  this.timeout(60_000);
  let graph: Neo4jGraph;
  const probeLabel = 'TestProbe';
  before(() => {
    graph = new Neo4jGraph(testConfig().neo4j);
  });
  after(async () => {
    await graph.run(`MATCH (n:${probeLabel}) DETACH DELETE n`);
    await graph.run("MATCH (m:Migration) WHERE m.id STARTS WITH '9' DELETE m");
    await graph.close();
  });

  it('when a node is written in a transaction, then a read transaction returns it', async () => {
    const id = uniqueName('probe');
    await graph.write((tx) => tx.run(`MERGE (n:${probeLabel} {id: $id}) SET n.value = $value`, { id, value: 42 }));
    const value = await graph.read(async (tx) => {
      const result = await tx.run(`MATCH (n:${probeLabel} {id: $id}) RETURN n.value AS value`, { id });
      return result.records[0]?.get('value') as unknown;
    });
    assert.equal(value, 42);
  });

  it('when migrations are applied twice, then each runs once and is recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    const id = `9${Date.now().toString().slice(-3)}_probe_index`;
    writeFileSync(join(dir, `${id}.cypher`), `CREATE INDEX probe_${id} IF NOT EXISTS FOR (n:${probeLabel}) ON (n.value);\n`);
    const migrations = loadMigrations(dir);
    assert.deepEqual(await applyMigrations(graph, migrations, testLogger()), [id]);
    assert.deepEqual(await applyMigrations(graph, migrations, testLogger()), []);
    const recorded = await graph.run('MATCH (m:Migration {id: $id}) RETURN count(m) AS n', { id });
    assert.equal(recorded.records[0]?.get('n'), 1);
    await graph.run(`DROP INDEX probe_${id} IF EXISTS`);
  });

  it('when an applied migration file is edited, then applying is refused with a fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    const id = `9${Date.now().toString().slice(-3)}_probe_edit`;
    writeFileSync(join(dir, `${id}.cypher`), 'RETURN 1;\n');
    await applyMigrations(graph, loadMigrations(dir), testLogger());
    writeFileSync(join(dir, `${id}.cypher`), 'RETURN 2;\n');
    await assert.rejects(applyMigrations(graph, loadMigrations(dir), testLogger()), (error: unknown) => {
      assert.ok(error instanceof MigrationError);
      assert.match(error.message, /changed after it was applied.*add a new migration/);
      return true;
    });
  });
});
