import { strict as assert } from 'node:assert';
import { historyScope, inHistoryScope } from '../../../src/relay/policy/history-scope.js';
import { attempt } from './call-request.js';

const NOW = Date.parse('2026-06-15T16:00:00Z');
const onCase = { caseId: 'case-1', creditor: 'creditor-a' };
const calls = {
  unansweredOnCase: attempt(NOW - 1),
  answeredOnCase: attempt(NOW - 2, { connected: true }),
  answeredElsewhere: attempt(NOW - 3, { caseId: 'case-9', creditor: 'creditor-b', connected: true }),
  unansweredSameIdOtherCreditor: attempt(NOW - 4, { creditor: 'creditor-b' }),
  unansweredCallBack: attempt(NOW - 5, { direction: 'inbound' }),
};
const kept = (profile: 'CN' | 'US') =>
  Object.entries(calls)
    .filter(([, call]) => inHistoryScope(historyScope(profile), onCase)(call))
    .map(([name]) => name);

describe('the call history a profile counts', () => {
  it('CN keeps every conversation, on any creditor, and no unanswered call', () => {
    assert.deepEqual(kept('CN'), ['answeredOnCase', 'answeredElsewhere']);
  });

  it("US also keeps the case's unanswered attempts, but not another creditor's case with the same id nor a call back", () => {
    assert.deepEqual(kept('US'), ['unansweredOnCase', 'answeredOnCase', 'answeredElsewhere']);
  });
});
