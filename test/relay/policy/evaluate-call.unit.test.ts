import { strict as assert } from 'node:assert';
import { evaluateCall } from '../../../src/relay/policy/evaluate-call.js';
import { evaluateRelayRequest } from '../../../src/relay/policy/evaluate-relay-request.js';
import { attempt, callRequest, DAY } from './call-request.js';

const NIGHT = new Date('2026-06-16T03:00:00Z'); // 23:00 in New York
const reached = [attempt(NIGHT.getTime() - DAY, { connected: true })];
const thirdParty = {
  kind: 'third_party',
  link: 'RESOLVES_TO',
  superseded: false,
  linkScore: 20,
} as const;

describe('evaluation order: restrictions, target, calling hours, frequency', () => {
  it('when every rule would refuse, then the restriction decides', () => {
    const request = callRequest({
      now: NIGHT,
      restrictions: ['dispute'],
      target: thirdParty,
      history: reached,
    });
    assert.equal(evaluateCall(request).rule, 'RESTRICTED_DISPUTE');
  });

  it('when the target, hours and frequency would refuse, then the target decides', () => {
    const request = callRequest({ now: NIGHT, target: thirdParty, history: reached });
    assert.equal(evaluateCall(request).rule, 'TARGET_THIRD_PARTY');
  });

  it('when hours and frequency would refuse, then the hours decide', () => {
    assert.equal(
      evaluateCall(callRequest({ now: NIGHT, history: reached })).rule,
      'US_CALLING_HOURS',
    );
  });

  it('when all rules pass, then the call is allowed', () => {
    assert.deepEqual(evaluateCall(callRequest()), { allow: true, rule: 'ALLOWED' });
  });
});

describe('relay request', () => {
  it('when a binding is requested at night, then calling hours do not refuse it', () => {
    assert.deepEqual(evaluateRelayRequest(callRequest({ now: NIGHT })), {
      allow: true,
      rule: 'ALLOWED',
    });
  });

  it("when the frequency cap is reached, then it is refused as a limit with the cap's own retryAt", () => {
    const decision = evaluateRelayRequest(callRequest({ now: NIGHT, history: reached }));
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'US_AFTER_CONVERSATION');
    assert.equal(decision.kind, 'limit');
    assert.equal(decision.retryAt?.getTime(), NIGHT.getTime() + 6 * DAY);
  });

  it('when the request has a direction left over from a call, then it is still judged as outbound', () => {
    const request = {
      ...callRequest({ restrictions: ['cease_communication'] }),
      direction: 'inbound' as const,
    };
    assert.equal(evaluateRelayRequest(request).rule, 'RESTRICTED_CEASE_COMMUNICATION');
  });
});
