import { strict as assert } from 'node:assert';
import { uniqueMobile } from '../resolve/resolution-fixtures.js';
import { uniqueName } from '../support/test-config.js';
import { RelayFixture } from './relay-fixture.js';

/**
 * The US profile through the real stores: its caps count the case's unanswered attempts, which the
 * CN profile never reads, so this is where the store's history for US is checked end to end.
 */
describe('US frequency caps at call setup (real Kafka and Neo4j)', function () {
  this.timeout(180_000);
  const f = new RelayFixture(4, { RELAY_POLICY_PROFILE: 'US' });
  const creditor = uniqueName('bank');
  const agentLine = uniqueMobile();

  before(async () => {
    await f.start();
    // 19:30 in New York, 13:30 in Honolulu: inside US calling hours wherever the debtor may be.
    f.now = new Date('2026-06-10T23:30:00Z');
    assert.equal((await f.registerLine(creditor, agentLine)).status, 201);
  });
  after(() => f.stop());

  async function boundCase(): Promise<string> {
    const d = await f.debtor();
    const id = uniqueName('CASE');
    assert.equal((await f.registerCase(creditor, id, d)).status, 201);
    const binding = await f.call('POST', `/v1/cases/${id}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    assert.equal(binding.status, 201, binding.text);
    return binding.body.relayNumber as string;
  }

  it('when seven unanswered calls were placed on the case this week, then the eighth is refused', async () => {
    const relayNumber = await boundCase();
    for (let i = 0; i < 7; i++) {
      const routed = await f.route(relayNumber, agentLine);
      assert.equal(routed.body.action, 'connect', `attempt ${i + 1}: ${routed.text}`);
    }
    const eighth = await f.route(relayNumber, agentLine);
    assert.equal(eighth.body.action, 'reject');
    assert.equal(eighth.body.reason, 'US_SEVEN_IN_SEVEN');
  });

  it('when a call on the case was answered, then the next one is refused for seven days', async () => {
    const relayNumber = await boundCase();
    const callId = uniqueName('call');
    assert.equal((await f.route(relayNumber, agentLine, callId)).body.action, 'connect');
    const outcome = await f.call('POST', `/v1/telephony/calls/${callId}/outcome`, { role: 'telephony' }, { answered: true });
    assert.equal(outcome.status, 204);
    const next = await f.route(relayNumber, agentLine);
    assert.equal(next.body.action, 'reject');
    assert.equal(next.body.reason, 'US_AFTER_CONVERSATION');
  });
});
