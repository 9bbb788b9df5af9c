import { strict as assert } from 'node:assert';
import { evaluateCall } from '../../../src/relay/policy/evaluate-call.js';
import {
  checkUsAfterConversation,
  checkUsSevenInSeven,
} from '../../../src/relay/policy/us-frequency.js';
import { attempt, callRequest, DAY, HOUR } from './call-request.js';

const NOW = new Date('2026-06-15T16:00:00Z').getTime(); // 12:00 in New York
/** Seven unanswered attempts, the oldest 6 days 23 hours ago. */
const sevenAttempts = () =>
  [7 * DAY - HOUR, 6 * DAY, 5 * DAY, 4 * DAY, 3 * DAY, 2 * DAY, HOUR].map((ago) =>
    attempt(NOW - ago),
  );

describe('US seven calls in seven days (Reg F §1006.14(b)(2)(i)(A))', () => {
  it('when six attempts were made on the case this week, then a seventh is allowed', () => {
    const history = sevenAttempts().slice(1);
    assert.equal(checkUsSevenInSeven(callRequest({ history })), undefined);
    assert.deepEqual(evaluateCall(callRequest({ history })), { allow: true, rule: 'ALLOWED' });
  });

  it('when seven attempts were made, then the eighth is refused until the oldest is 7 days old', () => {
    const decision = evaluateCall(callRequest({ history: sevenAttempts() }));
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'US_SEVEN_IN_SEVEN');
    assert.equal(decision.kind, 'limit');
    assert.equal(decision.retryAt?.getTime(), NOW + HOUR);
    assert.deepEqual(decision.details, { attemptsInWindow: 7, maxAttempts: 7, windowDays: 7 });
  });

  it('when the oldest attempt ages out, then the boundary is exact: refused 1 ms before, allowed at it', () => {
    const history = sevenAttempts();
    const agedOut = NOW + HOUR;
    assert.ok(checkUsSevenInSeven(callRequest({ history, now: new Date(agedOut - 1) })));
    assert.equal(checkUsSevenInSeven(callRequest({ history, now: new Date(agedOut) })), undefined);
    assert.equal(evaluateCall(callRequest({ history, now: new Date(agedOut) })).allow, true);
  });

  it('when more than seven attempts are in the window, then retryAt waits until only six remain', () => {
    const history = [...sevenAttempts(), attempt(NOW - 30 * 60_000)];
    const denial = checkUsSevenInSeven(callRequest({ history }));
    assert.equal(denial?.retryAt?.getTime(), NOW - 6 * DAY + 7 * DAY);
  });

  it("when the attempts were on another case or another creditor's case, then they do not count", () => {
    const otherCase = sevenAttempts().map((a) => ({ ...a, caseId: 'case-2' }));
    const otherCreditor = sevenAttempts().map((a) => ({ ...a, creditor: 'creditor-b' }));
    assert.equal(checkUsSevenInSeven(callRequest({ history: otherCase })), undefined);
    assert.equal(checkUsSevenInSeven(callRequest({ history: otherCreditor })), undefined);
  });

  it('when the debtor called in seven times without reaching anyone, then those calls are not attempts', () => {
    const history = sevenAttempts().map((a) => ({ ...a, direction: 'inbound' as const }));
    assert.equal(evaluateCall(callRequest({ history })).allow, true);
  });

  it('when the limit lifts at night, then evaluateCall points retryAt at the next calling hour', () => {
    // The oldest of seven attempts was at 23:30 New York time on 8 June, so the cap lifts at 23:30.
    const oldest = new Date('2026-06-09T03:30:00Z').getTime();
    const history = [oldest, ...[1, 2, 3, 4, 5, 6].map((d) => oldest + d * DAY - 12 * HOUR)].map(
      (at) => attempt(at),
    );
    const decision = evaluateCall(callRequest({ history, now: new Date('2026-06-15T16:00:00Z') }));
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'US_SEVEN_IN_SEVEN');
    assert.equal(decision.retryAt?.toISOString(), '2026-06-16T12:00:00.000Z', '08:00 EDT');
  });
});

describe('US no call within seven days after a conversation (Reg F §1006.14(b)(2)(i)(B))', () => {
  it('when the debtor was reached 6 days ago, then a call is refused until 7 days after it', () => {
    const history = [attempt(NOW - 6 * DAY, { connected: true })];
    const decision = evaluateCall(callRequest({ history }));
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'US_AFTER_CONVERSATION');
    assert.equal(decision.kind, 'limit');
    assert.equal(decision.retryAt?.getTime(), NOW + DAY);
    assert.deepEqual(decision.details, { hoursSinceConversation: 144, windowDays: 7 });
  });

  it('when the conversation was 7 days + 1 ms ago, or exactly 7 days ago, then a call is allowed', () => {
    for (const ago of [7 * DAY + 1, 7 * DAY]) {
      const history = [attempt(NOW - ago, { connected: true })];
      assert.equal(evaluateCall(callRequest({ history })).allow, true, `${ago} ms ago`);
    }
    const justInside = [attempt(NOW - 7 * DAY + 1, { connected: true })];
    assert.ok(checkUsAfterConversation(callRequest({ history: justInside })));
  });

  it('when the debtor called in and talked, then that is a conversation too', () => {
    const history = [attempt(NOW - 2 * DAY, { direction: 'inbound', connected: true })];
    assert.equal(checkUsAfterConversation(callRequest({ history }))?.rule, 'US_AFTER_CONVERSATION');
  });

  it('when calls went unanswered, or the conversation was about another case, then it does not bar', () => {
    const history = [
      attempt(NOW - DAY),
      attempt(NOW - DAY, { caseId: 'case-2', connected: true }),
      attempt(NOW - DAY, { creditor: 'creditor-b', connected: true }),
    ];
    assert.equal(checkUsAfterConversation(callRequest({ history })), undefined);
  });

  it('when both limits refuse, then the one that lasts longer decides', () => {
    const history = sevenAttempts().map((a, i) => (i === 6 ? { ...a, connected: true } : a));
    const decision = evaluateCall(callRequest({ history }));
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'US_AFTER_CONVERSATION');
    assert.equal(decision.retryAt?.getTime(), NOW - HOUR + 7 * DAY);
  });

  it('when the debtor calls back during the seven days, then the call is not limited', () => {
    const history = [...sevenAttempts(), attempt(NOW - DAY, { connected: true })];
    const decision = evaluateCall(callRequest({ history, direction: 'inbound' }));
    assert.deepEqual(decision, { allow: true, rule: 'ALLOWED' });
  });
});
