import { strict as assert } from 'node:assert';
import { checkRestrictions } from '../../src/relay/policy/restrictions.js';
import type { Restriction } from '../../src/relay/policy/call-policy.js';
import { Neo4jCaseStore } from '../../src/relay/neo4j-case-store.js';
import { Neo4jContactContextReader } from '../../src/relay/neo4j-contact-context.js';
import { historyScope } from '../../src/relay/policy/history-scope.js';
import type { CaseRef } from '../../src/relay/case-store.js';
import { DEFAULT_MODEL } from '../../src/resolve/scoring/default-model.js';
import { PrivacyHarness } from './privacy-harness.js';
import { creditorRecord, subjectValues, telcoRecord } from './subject-fixtures.js';

describe('restriction (real Kafka and Neo4j)', function () {
  this.timeout(120_000);
  let h: PrivacyHarness;

  beforeEach(async () => {
    h = new PrivacyHarness();
    await h.setUp();
  });
  afterEach(() => h.tearDown());

  /** What the relay reads per request: the case view (collectors) and the contact context (telephony). */
  async function reads(ref: CaseRef) {
    const kase = await new Neo4jCaseStore(h.graph, DEFAULT_MODEL, () => 1).find(ref);
    const context = await new Neo4jContactContextReader(h.graph, () => 'not-a-third-party', historyScope('US')).forCase(ref, new Date());
    return {
      caseView: [...new Set(kase!.restrictions)].sort(),
      contactContext: [...new Set(context!.restrictions)].sort(),
      outboundDenial: checkRestrictions(context!.restrictions as Restriction[], 'outbound')?.rule ?? null,
    };
  }

  it('when a subject is restricted, then their bindings end and the relay sees it at once, through merges; lifting restores', async () => {
    const a = subjectValues();
    const creditor = creditorRecord(a);
    const telco = telcoRecord(a);
    await h.send(creditor, telco);
    const personId = (await h.personOf(creditor))!;
    const ref = await h.openCase(personId, '{}');
    const binding = await h.bind(ref, personId);
    assert.deepEqual(await reads(ref), { caseView: [], contactContext: [], outboundDenial: null });

    const placed = await h.privacy.restrict(h.call(), personId, { reason: 'cease_communication', note: 'letter of 2024-05-03' });
    assert.equal(placed.bindingsRevoked, 1);
    assert.deepEqual(placed.restrictions.map((r) => [r.reason, r.note]), [['cease_communication', 'letter of 2024-05-03']]);
    assert.deepEqual(await h.binding(binding.id), { state: 'revoked', endReason: 'SUBJECT_RESTRICTED' });
    assert.deepEqual(await reads(ref), {
      caseView: ['cease_communication'],
      contactContext: ['cease_communication'],
      outboundDenial: 'RESTRICTED_CEASE_COMMUNICATION',
    });
    const held = await h.graph.run('MATCH (r:Record)-[:RESOLVES_TO]->(:Person {id: $personId}) RETURN r.restrictions AS r', { personId });
    assert.deepEqual(held.records.map((r) => r.get('r') as string[]), [['cease_communication'], ['cease_communication']], 'held on every record of the person');

    const joining = telcoRecord(a);
    await h.send(joining);
    assert.equal(await h.personOf(joining), personId, 'a new record of the subject joins the person');
    assert.equal((await reads(ref)).outboundDenial, 'RESTRICTED_CEASE_COMMUNICATION', 'and the restriction still holds for the person');

    await h.privacy.restrict(h.call(), personId, { reason: 'dispute' });
    const lifted = await h.privacy.lift(h.call(), personId, 'cease_communication');
    assert.deepEqual(lifted.restrictions.map((r) => r.reason), ['dispute'], 'lifting one reason keeps the others');
    assert.deepEqual((await reads(ref)).caseView, ['dispute']);

    await h.privacy.lift(h.call(), personId, undefined);
    assert.deepEqual(await reads(ref), { caseView: [], contactContext: [], outboundDenial: null });
    assert.deepEqual(
      h.audit.records.filter((r) => r.action.startsWith('subject.')).map((r) => [r.action, r.reason, r.resources?.personId]),
      [
        ['subject.restrict', 'cease_communication', personId],
        ['subject.restrict', 'dispute', personId],
        ['subject.unrestrict', 'cease_communication', personId],
        ['subject.unrestrict', 'ALL', personId],
      ],
    );
    assert.ok(h.audit.records.some((r) => r.action === 'relay.revoke' && r.resources?.bindingId === binding.id));
  });
});
