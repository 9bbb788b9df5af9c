import { strict as assert } from 'node:assert';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { Neo4jContactContextReader } from '../../src/relay/neo4j-contact-context.js';
import { historyScope } from '../../src/relay/policy/history-scope.js';
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

  it("when the person's records carry addresses and the person has calls, then the newest record's address locates them and only the window's calls its profile counts come back", async () => {
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
    const otherCreditor = `${creditor}-other`;
    const call = (suffix: string, hoursAgo: number, overrides: { action?: string; connected?: boolean; creditor?: string; direction?: string } = {}) => ({
      callId: `${tag}-call-${suffix}`,
      personId,
      caseId,
      creditor: overrides.creditor ?? creditor,
      atMs: now.getTime() - hoursAgo * 3_600_000,
      action: overrides.action ?? 'connect',
      direction: overrides.direction ?? 'outbound',
      ...(overrides.connected === undefined ? {} : { connected: overrides.connected }),
    });
    await graph.run('UNWIND $calls AS c CREATE (d:CallDecision) SET d = c', {
      calls: [
        call('answered', 24, { connected: true }),
        call('unanswered', 48),
        call('reported-unanswered', 47, { connected: false }),
        call('rejected', 23, { action: 'reject' }),
        call('too-old', 9 * 24, { connected: true }),
        call('unanswered-call-back', 22, { direction: 'inbound' }),
        call('other-creditor-unanswered', 21, { creditor: otherCreditor }),
        call('other-creditor-answered', 20, { creditor: otherCreditor, connected: true }),
      ],
    });
    const history = async (profile: 'CN' | 'US') => {
      const reader = new Neo4jContactContextReader(graph, (e164) => `fp:${e164}`, historyScope(profile));
      const context = await reader.forCase({ creditor, caseId: caseId! }, now);
      assert.ok(context);
      assert.deepEqual(context.location, { phoneCountry: 'CN', addressCountry: 'US', addressRegion: 'NY' });
      return [...context.history].sort((a, b) => a.at.getTime() - b.at.getTime());
    };
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);

    assert.deepEqual(await history('CN'), [
      { at: at(24), caseId, creditor, direction: 'outbound', connected: true },
      { at: at(20), caseId, creditor: otherCreditor, direction: 'outbound', connected: true },
    ]);
    assert.deepEqual(await history('US'), [
      { at: at(48), caseId, creditor, direction: 'outbound', connected: false },
      { at: at(47), caseId, creditor, direction: 'outbound', connected: false },
      { at: at(24), caseId, creditor, direction: 'outbound', connected: true },
      { at: at(20), caseId, creditor: otherCreditor, direction: 'outbound', connected: true },
    ]);
  });
});
