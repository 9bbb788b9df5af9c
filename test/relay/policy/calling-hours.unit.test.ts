import { strict as assert } from 'node:assert';
import {
  checkCallingHours,
  isWithinCallingHours,
  nextCallingTime,
} from '../../../src/relay/policy/calling-hours.js';
import { evaluateCall } from '../../../src/relay/policy/evaluate-call.js';
import { PROFILE_ZONES } from '../../../src/relay/policy/time-zones.js';
import { callRequest } from './call-request.js';

const NEW_YORK = ['America/New_York'];
const inside = (zones: string[], iso: string) => isWithinCallingHours('US', zones, new Date(iso));
const retryAt = (zones: string[], iso: string) =>
  nextCallingTime('US', zones, new Date(iso))?.toISOString();

describe('US calling hours (FDCPA §805(a)(1), Reg F §1006.6(b)(1)): 08:00 to 21:00 local', () => {
  // [zone, local time, instant, inside]
  const edges: [string, string, string, boolean][] = [
    ['America/New_York', '07:59 EDT', '2026-06-15T11:59:00Z', false],
    ['America/New_York', '08:00 EDT', '2026-06-15T12:00:00Z', true],
    ['America/New_York', '20:59 EDT', '2026-06-16T00:59:00Z', true],
    ['America/New_York', '21:00 EDT', '2026-06-16T01:00:00Z', false],
    ['America/Los_Angeles', '07:59 PDT', '2026-06-15T14:59:00Z', false],
    ['America/Los_Angeles', '08:00 PDT', '2026-06-15T15:00:00Z', true],
    ['America/Los_Angeles', '20:59 PDT', '2026-06-16T03:59:00Z', true],
    ['America/Los_Angeles', '21:00 PDT', '2026-06-16T04:00:00Z', false],
    ['America/Phoenix', '07:59 MST in January', '2026-01-15T14:59:00Z', false],
    ['America/Phoenix', '08:00 MST in June (no DST)', '2026-06-15T15:00:00Z', true],
    ['America/Phoenix', '20:59 MST in January', '2026-01-16T03:59:00Z', true],
    ['America/Phoenix', '21:00 MST in June (no DST)', '2026-06-16T04:00:00Z', false],
    ['Pacific/Honolulu', '07:59 HST', '2026-06-15T17:59:00Z', false],
    ['Pacific/Honolulu', '08:00 HST', '2026-06-15T18:00:00Z', true],
    ['Pacific/Honolulu', '20:59 HST', '2026-06-16T06:59:00Z', true],
    ['Pacific/Honolulu', '21:00 HST', '2026-06-16T07:00:00Z', false],
  ];
  for (const [zone, local, iso, expected] of edges) {
    it(`when it is ${local} in ${zone}, then a call is ${expected ? 'inside' : 'outside'} hours`, () => {
      assert.equal(inside([zone], iso), expected);
    });
  }

  it('when the last second before 21:00 passes, then 20:59:59.999 is inside and 21:00:00.000 is not', () => {
    assert.equal(inside(NEW_YORK, '2026-06-16T00:59:59.999Z'), true);
    assert.equal(inside(NEW_YORK, '2026-06-16T01:00:00.000Z'), false);
  });

  it('when a TX debtor is called at 20:30 Chicago time (19:30 Denver), then it is allowed', () => {
    const decision = evaluateCall(
      callRequest({ location: { addressRegion: 'TX' }, now: new Date('2026-06-16T01:30:00Z') }),
    );
    assert.deepEqual(decision, { allow: true, rule: 'ALLOWED' });
  });

  it('when a TX debtor is called at 21:30 Chicago time, then it is refused until 08:00 Denver time', () => {
    const decision = evaluateCall(
      callRequest({ location: { addressRegion: 'TX' }, now: new Date('2026-06-16T02:30:00Z') }),
    );
    assert.equal(decision.allow, false);
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'US_CALLING_HOURS');
    assert.equal(decision.kind, 'hours');
    assert.equal(decision.retryAt?.toISOString(), '2026-06-16T14:00:00.000Z');
    assert.deepEqual(decision.details, {
      window: '08:00-21:00',
      zones: 'America/Chicago,America/Denver',
      localTimes: 'America/Chicago=21:30,America/Denver=20:30',
      outsideIn: 'America/Chicago',
    });
  });

  it('when the location is unknown, then 08:30 in New York (05:30 in Los Angeles) is refused', () => {
    const denial = checkCallingHours('US', PROFILE_ZONES.US, new Date('2026-06-15T12:30:00Z'));
    assert.ok(denial);
    assert.match(String(denial.details.outsideIn), /America\/Los_Angeles/);
    // Every US zone, territories included, first overlaps when Guam opens at 08:00 (18:00 in New York).
    assert.equal(denial.retryAt?.toISOString(), '2026-06-15T22:00:00.000Z');
    assert.ok(isWithinCallingHours('US', PROFILE_ZONES.US, denial.retryAt));
  });

  it('when no zone is given, then the call must fit every zone of the profile', () => {
    assert.equal(isWithinCallingHours('US', [], new Date('2026-06-15T12:30:00Z')), false);
    assert.equal(isWithinCallingHours('US', [], new Date('2026-06-15T23:00:00Z')), true);
  });

  describe('across DST in New York', () => {
    it('when clocks spring forward on 2026-03-08, then 08:00 EDT is 12:00Z and 07:59 EDT is outside', () => {
      assert.equal(inside(NEW_YORK, '2026-03-08T11:59:00Z'), false);
      assert.equal(inside(NEW_YORK, '2026-03-08T12:00:00Z'), true);
      assert.equal(inside(NEW_YORK, '2026-03-09T00:59:00Z'), true, '20:59 EDT');
      assert.equal(inside(NEW_YORK, '2026-03-09T01:00:00Z'), false, '21:00 EDT');
    });

    it('when refused on the evening before spring-forward, then retryAt is 08:00 EDT, not 08:00 EST', () => {
      assert.equal(inside(NEW_YORK, '2026-03-08T02:00:00Z'), false, '21:00 EST on 03-07');
      assert.equal(retryAt(NEW_YORK, '2026-03-08T02:00:00Z'), '2026-03-08T12:00:00.000Z');
      assert.equal(
        retryAt(NEW_YORK, '2026-03-08T07:30:00Z'),
        '2026-03-08T12:00:00.000Z',
        '03:30 EDT',
      );
    });

    it('when clocks fall back on 2026-11-01, then 08:00 EST is 13:00Z and 12:30Z (07:30 EST) is outside', () => {
      assert.equal(inside(NEW_YORK, '2026-11-01T12:30:00Z'), false);
      assert.equal(inside(NEW_YORK, '2026-11-01T13:00:00Z'), true);
      assert.equal(inside(NEW_YORK, '2026-11-02T01:59:00Z'), true, '20:59 EST');
      assert.equal(inside(NEW_YORK, '2026-11-02T02:00:00Z'), false, '21:00 EST');
    });

    it('when refused during the repeated hour at fall-back, then retryAt is 08:00 EST', () => {
      assert.equal(
        retryAt(NEW_YORK, '2026-11-01T05:30:00Z'),
        '2026-11-01T13:00:00.000Z',
        '01:30 EDT',
      );
      assert.equal(
        retryAt(NEW_YORK, '2026-11-01T06:30:00Z'),
        '2026-11-01T13:00:00.000Z',
        '01:30 EST',
      );
      assert.equal(
        retryAt(NEW_YORK, '2026-11-01T01:00:00Z'),
        '2026-11-01T13:00:00.000Z',
        '21:00 EDT',
      );
    });

    it('when a call is already inside hours, then the next calling time is now', () => {
      assert.equal(retryAt(NEW_YORK, '2026-11-01T15:00:00Z'), '2026-11-01T15:00:00.000Z');
    });
  });
});

describe('CN calling hours: 08:00 to 22:00 Beijing time', () => {
  const SHANGHAI = ['Asia/Shanghai'];
  const cnInside = (iso: string) => isWithinCallingHours('CN', SHANGHAI, new Date(iso));

  it('when it is 07:59, 08:00, 21:59 and 22:00 in Shanghai, then only 08:00 and 21:59 are inside', () => {
    assert.equal(cnInside('2026-06-14T23:59:00Z'), false);
    assert.equal(cnInside('2026-06-15T00:00:00Z'), true);
    assert.equal(cnInside('2026-06-15T13:59:00Z'), true);
    assert.equal(cnInside('2026-06-15T14:00:00Z'), false);
  });

  it('when refused at 22:00, then it may retry at 08:00 the next morning', () => {
    const decision = evaluateCall(
      callRequest({ profile: 'CN', location: {}, now: new Date('2026-06-15T14:00:00Z') }),
    );
    assert.ok(!decision.allow);
    assert.equal(decision.rule, 'CN_CALLING_HOURS');
    assert.equal(decision.retryAt?.toISOString(), '2026-06-16T00:00:00.000Z');
    assert.equal(decision.details.localTimes, 'Asia/Shanghai=22:00');
  });

  it('when refused at 07:00, then it may retry at 08:00 the same morning', () => {
    const at = nextCallingTime('CN', SHANGHAI, new Date('2026-06-14T23:00:00Z'));
    assert.equal(at?.toISOString(), '2026-06-15T00:00:00.000Z');
  });
});
