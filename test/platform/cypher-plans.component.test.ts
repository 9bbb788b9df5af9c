import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cypher } from '../../src/platform/cypher-file.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { projectRoot } from '../../src/platform/project-root.js';
import { testConfig } from '../support/test-config.js';

/** Jobs that read a whole label by design: they run offline, over everything. */
const SCANS_BY_DESIGN = new Set(['training-pairs']);

interface PlanNode {
  operatorType: string;
  arguments: { Details?: string };
  children: PlanNode[];
}

function scansOf(plan: PlanNode): string[] {
  const own = /Scan/.test(plan.operatorType) ? [`${plan.operatorType.replace(/@.*/, '')} ${plan.arguments.Details ?? ''}`] : [];
  return [...own, ...plan.children.flatMap(scansOf)];
}

/**
 * A query on a serving path that scans a label or an index costs in proportion to the graph, not
 * to its answer. The planner picks by the statistics of the moment, so this only catches what
 * plans as a scan on the test graph; a query can guard itself with hints or by anchoring on nodes
 * it already holds.
 */
describe('the named Cypher queries plan without scans (real Neo4j)', function () {
  this.timeout(60_000);
  let graph: Neo4jGraph;
  before(() => {
    graph = new Neo4jGraph(testConfig().neo4j);
  });
  after(() => graph.close());

  const names = readdirSync(join(projectRoot(), 'graph', 'cypher'))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .filter((name) => !SCANS_BY_DESIGN.has(name));

  it('covers the queries on the routing path', () => {
    assert.ok(names.includes('contact-context') && names.includes('append-audit-records-at-head'));
  });

  for (const name of names) {
    it(`${name} seeks, never scans`, async () => {
      const explained = await graph.run(`EXPLAIN ${cypher(name)}`, {});
      assert.deepEqual(scansOf(explained.summary.plan as unknown as PlanNode), []);
    });
  }
});
