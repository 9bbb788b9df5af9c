import { strict as assert } from 'node:assert';
import type { Restriction } from '../../../src/relay/policy/call-policy.js';
import { evaluateCall } from '../../../src/relay/policy/evaluate-call.js';
import { evaluateRelayRequest } from '../../../src/relay/policy/evaluate-relay-request.js';
import { callRequest } from './call-request.js';

const RULE_OF: Record<Restriction, string> = {
  cease_communication: 'RESTRICTED_CEASE_COMMUNICATION',
  attorney: 'RESTRICTED_ATTORNEY',
  dispute: 'RESTRICTED_DISPUTE',
  deceased: 'RESTRICTED_DECEASED',
  erased: 'RESTRICTED_ERASED',
};
const ALL = Object.keys(RULE_OF) as Restriction[];

describe('restrictions', () => {
  for (const restriction of ALL) {
    it(`when the debtor is under ${restriction}, then an outbound call and a relay binding are refused`, () => {
      for (const decision of [
        evaluateCall(callRequest({ restrictions: [restriction] })),
        evaluateRelayRequest(callRequest({ restrictions: [restriction] })),
      ]) {
        assert.ok(!decision.allow);
        assert.equal(decision.rule, RULE_OF[restriction]);
        assert.equal(decision.kind, 'restricted');
        assert.equal(decision.retryAt, undefined);
      }
    });
  }

  for (const restriction of ['erased', 'deceased'] as const) {
    it(`when the debtor is ${restriction}, then even a call back is not put through`, () => {
      const decision = evaluateCall(
        callRequest({ restrictions: [restriction], direction: 'inbound' }),
      );
      assert.ok(!decision.allow);
      assert.equal(decision.rule, RULE_OF[restriction]);
      assert.deepEqual(decision.details, { direction: 'inbound', restrictions: restriction });
    });
  }

  for (const restriction of ['cease_communication', 'attorney', 'dispute'] as const) {
    it(`when the debtor is under ${restriction} and calls back, then the call reaches the creditor`, () => {
      const decision = evaluateCall(
        callRequest({ restrictions: [restriction], direction: 'inbound' }),
      );
      assert.deepEqual(decision, { allow: true, rule: 'ALLOWED' });
    });
  }

  it('when several restrictions apply, then the most final one is recorded, with all of them listed', () => {
    const decision = evaluateCall(callRequest({ restrictions: ['dispute', 'erased', 'attorney'] }));
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'RESTRICTED_ERASED');
    assert.equal(decision.details.restrictions, 'attorney,dispute,erased');
  });
});
