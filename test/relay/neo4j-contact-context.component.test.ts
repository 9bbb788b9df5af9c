import { strict as assert } from 'node:assert';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { Neo4jContactContextReader } from '../../src/relay/neo4j-contact-context.js';
import { testConfig, uniqueName } from '../support/test-config.js';
import { seedMatchedCases } from './seed-debtors.js';

const DAY_MS = 24 * 3600 * 1000;

describe('the contact context a compliance decision reads (real Neo4j)', function () {
  this.timeout(60_000);
  let graph: Neo4jGraph;
  const tag = uniqueName('ctx');
  const creditor = uniqueName('cred');
  const now = new Date('2030-06-11T02:00:00Z');

  before(() => {
    graph = new Neo4jGraph(testConfig().neo4j);
  });
  after(async () => {
    await graph.run(
      `MATCH (n) WHERE (n:Person OR n:Record OR n:Case OR n:CallDecision) AND
         coalesce(n.id, n.key, n.callId, '') CONTAINS $tag DETACH DELETE n`,
      { tag },
    );
    await graph.close();
  });

  it("when the person's records carry addresses and the person has calls, then the newest record's address locates them and only the window's connected calls come back", async () => {
    const [caseId] = await seedMatchedCases(graph, { tag, creditor, count: 1, now });
    const matched = await graph.run<{ personId: string }>(
      'MATCH (:Case {key: $key})-[:CONCERNS]->(p:Person) RETURN p.id AS personId',
      { key: `${creditor}|${caseId}` },
    );
    const personId = matched.records[0]!.get('personId');
    const record = (suffix: string, daysAgo: number, addresses: unknown) => ({
      key: `demo-registry:${tag}-${suffix}`,
      observedAtMs: now.getTime() - daysAgo * DAY_MS,
      addressesJson: addresses === null ? null : JSON.stringify(addresses),
    });
    await graph.run(
      `MATCH (p:Person {id: $personId})
       UNWIND $records AS rec
       CREATE (r:Record {key: rec.key, observedAtMs: rec.observedAtMs, retracted: false})
       SET r.addressesJson = rec.addressesJson
       CREATE (r)-[:RESOLVES_TO {score: 30.0}]->(p)`,
      {
        personId,
        records: [
          record('older', 3, [{ country: 'US', region: 'CA' }]),
          record('newer', 1, [{ country: 'US', region: 'NY' }, { country: 'US', region: 'CA' }]),
          record('newest-without-address', 0, null),
        ],
      },
    );
    const call = (suffix: string, daysAgo: number, action: string, connected?: boolean) => ({
      callId: `${tag}-call-${suffix}`,
      personId,
      caseId,
      creditor,
      atMs: now.getTime() - daysAgo * DAY_MS,
      action,
      direction: 'outbound',
      ...(connected === undefined ? {} : { connected }),
    });
    await graph.run('UNWIND $calls AS c CREATE (d:CallDecision) SET d = c', {
      calls: [
        call('answered', 1, 'connect', true),
        call('unanswered', 2, 'connect'),
        call('rejected', 1, 'reject'),
        call('too-old', 9, 'connect', true),
      ],
    });

    const context = await new Neo4jContactContextReader(graph, (e164) => `fp:${e164}`).forCase({ creditor, caseId: caseId! }, now);

    assert.ok(context);
    assert.deepEqual(context.location, { phoneCountry: 'CN', addressCountry: 'US', addressRegion: 'NY' });
    assert.deepEqual(
      [...context.history].sort((a, b) => a.at.getTime() - b.at.getTime()),
      [
        { at: new Date(now.getTime() - 2 * DAY_MS), caseId, creditor, direction: 'outbound', connected: false },
        { at: new Date(now.getTime() - DAY_MS), caseId, creditor, direction: 'outbound', connected: true },
      ],
    );
  });
});
