import { strict as assert } from 'node:assert';
import { checkCnDailyConversations } from '../../../src/relay/policy/cn-frequency.js';
import { evaluateCall } from '../../../src/relay/policy/evaluate-call.js';
import { evaluateRelayRequest } from '../../../src/relay/policy/evaluate-relay-request.js';
import { attempt, callRequest } from './call-request.js';

const SHANGHAI = ['Asia/Shanghai'];
const cnRequest = (now: string, history: ReturnType<typeof attempt>[]) =>
  callRequest({ profile: 'CN', location: { addressCountry: 'CN' }, now: new Date(now), history });

/** Three answered calls on 2026-06-15 Beijing time, from two creditors. */
const threeConversations = () => [
  attempt('2026-06-15T01:00:00Z', { connected: true }), // 09:00
  attempt('2026-06-15T05:00:00Z', { connected: true, creditor: 'creditor-b', caseId: 'b-7' }),
  attempt('2026-06-15T10:00:00Z', { connected: true, direction: 'inbound' }), // 18:00
];

describe('CN at most three conversations a day per debtor', () => {
  it('when the debtor had three conversations today across two creditors, then a call is refused until midnight', () => {
    const decision = evaluateRelayRequest(cnRequest('2026-06-15T12:00:00Z', threeConversations()));
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'CN_DAILY_CONVERSATIONS');
    assert.equal(decision.kind, 'limit');
    assert.equal(decision.retryAt?.toISOString(), '2026-06-15T16:00:00.000Z', '00:00 Beijing time');
    assert.deepEqual(decision.details, {
      conversationsToday: 3,
      maxConversations: 3,
      zone: 'Asia/Shanghai',
      localDate: '2026-06-15',
    });
  });

  it('when the same call is placed, then evaluateCall points retryAt at 08:00 the next morning', () => {
    const decision = evaluateCall(cnRequest('2026-06-15T12:00:00Z', threeConversations()));
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'CN_DAILY_CONVERSATIONS');
    assert.equal(decision.retryAt?.toISOString(), '2026-06-16T00:00:00.000Z');
  });

  it('when only two calls were answered and many were not, then a call is allowed', () => {
    const history = [
      ...threeConversations().slice(0, 2),
      ...[2, 3, 4, 6, 7].map((h) => attempt(`2026-06-15T0${h}:30:00Z`)),
    ];
    assert.equal(evaluateCall(cnRequest('2026-06-15T12:00:00Z', history)).allow, true);
  });

  it('when local midnight passes (16:00Z), then the count starts again', () => {
    const history = threeConversations();
    assert.ok(checkCnDailyConversations(cnRequest('2026-06-15T15:59:59.999Z', history), SHANGHAI));
    assert.equal(
      checkCnDailyConversations(cnRequest('2026-06-15T16:00:00Z', history), SHANGHAI),
      undefined,
    );
  });

  it('when conversations were just before local midnight, then they belong to the day before', () => {
    const lateYesterday = ['15:57', '15:58', '15:59'].map((t) =>
      attempt(`2026-06-14T${t}:00Z`, { connected: true }),
    );
    assert.equal(
      checkCnDailyConversations(cnRequest('2026-06-15T01:00:00Z', lateYesterday), SHANGHAI),
      undefined,
    );
    assert.ok(
      checkCnDailyConversations(cnRequest('2026-06-14T15:59:30Z', lateYesterday), SHANGHAI),
    );
  });

  it('when the debtor calls in after three conversations, then the call goes through', () => {
    const request = {
      ...cnRequest('2026-06-15T12:00:00Z', threeConversations()),
      direction: 'inbound' as const,
    };
    assert.equal(evaluateCall(request).allow, true);
  });
});
