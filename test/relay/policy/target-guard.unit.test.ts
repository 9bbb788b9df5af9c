import { strict as assert } from 'node:assert';
import type { ContactTarget } from '../../../src/relay/policy/call-policy.js';
import { evaluateCall } from '../../../src/relay/policy/evaluate-call.js';
import { evaluateRelayRequest } from '../../../src/relay/policy/evaluate-relay-request.js';
import { checkTarget } from '../../../src/relay/policy/target-guard.js';
import { callRequest } from './call-request.js';

const own: ContactTarget = { kind: 'own', link: 'RESOLVES_TO', superseded: false, linkScore: 20 };
const cases: [string, Partial<ContactTarget>, string][] = [
  ["a third party's number", { kind: 'third_party' }, 'TARGET_THIRD_PARTY'],
  ['a possible match', { link: 'POSSIBLE_MATCH' }, 'TARGET_POSSIBLE_MATCH'],
  ['a superseded number', { superseded: true }, 'TARGET_SUPERSEDED'],
  ['a link scored below the minimum', { linkScore: 11.9 }, 'TARGET_LOW_CONFIDENCE'],
  ['a link without a usable score', { linkScore: NaN }, 'TARGET_LOW_CONFIDENCE'],
];

describe('target guard', () => {
  for (const [what, change, rule] of cases) {
    it(`when the call would reach ${what}, then the call and the binding are refused with ${rule}`, () => {
      const target = { ...own, ...change };
      for (const decision of [
        evaluateCall(callRequest({ target })),
        evaluateRelayRequest(callRequest({ target })),
      ]) {
        assert.ok(!decision.allow);
        assert.equal(decision.rule, rule);
        assert.equal(decision.kind, 'target');
      }
    });
  }

  it('when the link score equals the minimum, then it is enough', () => {
    assert.equal(checkTarget({ ...own, linkScore: 12 }, 12), undefined);
  });

  it('when a low score is refused, then the audit details carry the score and the minimum', () => {
    assert.deepEqual(checkTarget({ ...own, linkScore: 8 }, 12)?.details, {
      linkScore: 8,
      minLinkScore: 12,
    });
  });

  it('when several guards fail, then a third party is reported before the link', () => {
    const target: ContactTarget = {
      kind: 'third_party',
      link: 'POSSIBLE_MATCH',
      superseded: true,
      linkScore: 0,
    };
    assert.equal(checkTarget(target, 12)?.rule, 'TARGET_THIRD_PARTY');
  });

  it('when the debtor calls in, then the target is not checked: the call reaches the creditor line', () => {
    const target: ContactTarget = { ...own, superseded: true };
    assert.equal(evaluateCall(callRequest({ target, direction: 'inbound' })).allow, true);
  });
});
