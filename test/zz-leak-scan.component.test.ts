import { strict as assert } from 'node:assert';
import { leakScanSummary, realNumbersIn } from './support/leak-scan.js';

/**
 * Runs last (mocha loads files in name order): every collector-facing response and event the
 * suite produced, and every line the services under test logged, hold no real phone number.
 */
describe('no real number reaches a creditor or a log (whole suite)', () => {
  it('when the scanner sees a real number, then it reports it; relay numbers are not real numbers', () => {
    assert.deepEqual(realNumbersIn('{"to":"+8613812345678"} call 138 1234 5678'), ['+8613812345678', '138 1234 5678']);
    assert.deepEqual(realNumbersIn('{"relayNumber":"+8617012345678","caseId":"CASE-123"}'), []);
    assert.deepEqual(realNumbersIn('{"instance":"0b7e2f1a-9c3d-4e5f-8a6b-a13912345678"}'), [], 'a UUID group is not a number');
  });

  it('when the suite is done, then no collector-facing response, event or log line held a real number', function () {
    const summary = leakScanSummary();
    if (summary.responses === 0 && summary.logLines === 0) this.skip();
    assert.deepEqual(summary.leaks.slice(0, 5), [], `${summary.leaks.length} leaks in ${summary.responses} responses and ${summary.logLines} log lines`);
    console.log(`    scanned ${summary.responses} collector-facing responses/events and ${summary.logLines} log lines`);
  });
});
