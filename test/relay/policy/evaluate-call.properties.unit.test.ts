import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type {
  CallRequest,
  ContactAttempt,
  DebtorLocation,
  PolicyProfile,
  Restriction,
} from '../../../src/relay/policy/call-policy.js';
import { evaluateCall } from '../../../src/relay/policy/evaluate-call.js';
import { evaluateRelayRequest } from '../../../src/relay/policy/evaluate-relay-request.js';
import { historyScope, inHistoryScope } from '../../../src/relay/policy/history-scope.js';
import { debtorTimeZones, PROFILE_ZONES } from '../../../src/relay/policy/time-zones.js';
import { US_STATE_ZONES } from '../../../src/relay/policy/us-state-zones.js';
import { DAY } from './call-request.js';

/** An oracle apart from the policy's own code: the local hour and minute as Intl prints them. */
function localMinute(instant: Date, zone: string): number {
  const [hour = NaN, minute = NaN] = instant
    .toLocaleTimeString('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    })
    .split(':')
    .map(Number);
  return hour * 60 + minute;
}
const WINDOW: Record<PolicyProfile, [number, number]> = {
  US: [8 * 60, 21 * 60],
  CN: [8 * 60, 22 * 60],
};
const insideEverywhere = (profile: PolicyProfile, zones: string[], at: Date) =>
  zones.every((zone) => {
    const minute = localMinute(at, zone);
    return minute >= WINDOW[profile][0] && minute < WINDOW[profile][1];
  });

const country = fc.constantFrom(undefined, 'US', 'us', 'CN', 'PR', 'GU', 'MX', 'CA', '');
const region = fc.constantFrom(
  undefined,
  ...Object.keys(US_STATE_ZONES),
  'Texas',
  'new york',
  'US-FL',
  'Washington, D.C.',
  'Guangdong',
  '广东',
  'Ontario',
  'XX',
  '',
);
const location: fc.Arbitrary<DebtorLocation> = fc.record(
  { phoneCountry: country, addressCountry: country, addressRegion: region },
  { requiredKeys: [] },
);
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2040-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const restriction = fc.constantFrom<Restriction>(
  'cease_communication',
  'attorney',
  'dispute',
  'deceased',
  'erased',
);

/** Mostly `usual`, sometimes anything: so that most runs get past restrictions and target. */
const mostly = <T>(usual: T, any: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: 3 }, { arbitrary: any, weight: 1 });

const target = fc.record({
  kind: mostly<'own' | 'third_party'>('own', fc.constantFrom('own', 'third_party')),
  link: mostly<'RESOLVES_TO' | 'POSSIBLE_MATCH'>(
    'RESOLVES_TO',
    fc.constantFrom('RESOLVES_TO', 'POSSIBLE_MATCH'),
  ),
  superseded: mostly(false, fc.boolean()),
  linkScore: mostly(30, fc.double({ min: -5, max: 40, noNaN: false })),
});

/** Up to 20 calls spread over the last 8 days or packed into the last day, mostly on case-1. */
const history = fc.array(
  fc.record({
    agoMs: fc.oneof(fc.integer({ min: 0, max: 8 * DAY }), fc.integer({ min: 0, max: DAY })),
    caseId: mostly('case-1', fc.constantFrom('case-1', 'case-2')),
    creditor: mostly('creditor-a', fc.constantFrom('creditor-a', 'creditor-b')),
    direction: mostly<'outbound' | 'inbound'>('outbound', fc.constantFrom('outbound', 'inbound')),
    connected: mostly(false, fc.boolean()),
  }),
  { maxLength: 20 },
);

const request: fc.Arbitrary<CallRequest> = fc
  .record({
    profile: fc.constantFrom<PolicyProfile>('US', 'CN'),
    now: instant,
    direction: mostly<'outbound' | 'inbound'>('outbound', fc.constantFrom('outbound', 'inbound')),
    location,
    restrictions: mostly<Restriction[]>([], fc.uniqueArray(restriction, { maxLength: 2 })),
    target,
    minLinkScore: fc.constantFrom(0, 12, 20),
    history,
  })
  .map(({ history, now, ...rest }) => ({
    ...rest,
    now,
    caseId: 'case-1',
    creditor: 'creditor-a',
    history: history.map(({ agoMs, ...e }): ContactAttempt => ({
      ...e,
      at: new Date(now.getTime() - agoMs),
    })),
  }));

/** Many calls on the case in the last two days, a quarter of them answered: frequency caps bite. */
const busyRequest = fc
  .tuple(
    request,
    fc.array(
      fc.record({
        agoMs: fc.integer({ min: 0, max: 2 * DAY }),
        creditor: fc.constantFrom('creditor-a', 'creditor-b'),
        connected: fc.oneof(fc.constant(false), fc.boolean()),
      }),
      { minLength: 3, maxLength: 12 },
    ),
  )
  .map(([r, calls]) => ({
    ...r,
    history: calls.map(({ agoMs, creditor, connected }): ContactAttempt => ({
      at: new Date(r.now.getTime() - agoMs),
      caseId: 'case-1',
      creditor,
      direction: 'outbound',
      connected,
    })),
  }));

describe('evaluateCall properties', () => {
  it('never allows an outbound call outside calling hours in any candidate zone, nor to anyone but the debtor', () => {
    fc.assert(
      fc.property(request, (r) => {
        const decision = evaluateCall(r);
        if (!decision.allow || r.direction === 'inbound') return;
        const zones = debtorTimeZones(r.profile, r.location);
        assert.ok(
          insideEverywhere(r.profile, zones, r.now),
          `allowed outside hours in ${zones.join(',')}`,
        );
        assert.equal(r.target.kind, 'own');
        assert.equal(r.target.link, 'RESOLVES_TO');
        assert.equal(r.target.superseded, false);
        assert.ok(r.target.linkScore >= r.minLinkScore);
        assert.deepEqual(r.restrictions, []);
      }),
      { numRuns: 1000 },
    );
  });

  it('places the debtor in at least one zone of the profile, never dropping a zone of their state', () => {
    fc.assert(
      fc.property(fc.constantFrom<PolicyProfile>('US', 'CN'), location, (profile, where) => {
        const zones = debtorTimeZones(profile, where);
        assert.ok(zones.length > 0);
        for (const zone of zones) assert.ok(PROFILE_ZONES[profile].includes(zone), zone);
        const stateZones = profile === 'US' ? US_STATE_ZONES[where.addressRegion ?? ''] : undefined;
        for (const zone of stateZones ?? []) assert.ok(zones.includes(zone), `keeps ${zone}`);
        if (!where.addressCountry && !where.addressRegion) {
          assert.deepEqual([...zones].sort(), [...PROFILE_ZONES[profile]].sort(), 'no address');
        }
      }),
    );
  });

  it('when hours refuse, then retryAt is the first instant inside hours in every zone', () => {
    fc.assert(
      fc.property(request, (r) => {
        const decision = evaluateCall({
          ...r,
          direction: 'outbound',
          restrictions: [],
          history: [],
          target: { kind: 'own', link: 'RESOLVES_TO', superseded: false, linkScore: 40 },
        });
        if (decision.allow) return;
        assert.equal(decision.kind, 'hours');
        const zones = debtorTimeZones(r.profile, r.location);
        const retryAt = decision.retryAt;
        assert.ok(retryAt !== undefined && retryAt > r.now);
        assert.ok(insideEverywhere(r.profile, zones, retryAt), 'retryAt is inside hours');
        assert.ok(
          !insideEverywhere(r.profile, zones, new Date(retryAt.getTime() - 60_000)),
          'and a minute before it is not',
        );
      }),
      { numRuns: 500 },
    );
  });

  it('when a frequency cap refuses, then the same call at retryAt is allowed', () => {
    fc.assert(
      fc.property(busyRequest, (r) => {
        const clean = {
          ...r,
          direction: 'outbound' as const,
          restrictions: [],
          target: {
            kind: 'own' as const,
            link: 'RESOLVES_TO' as const,
            superseded: false,
            linkScore: 40,
          },
        };
        const decision = evaluateCall(clean);
        if (decision.allow || decision.kind !== 'limit') return;
        assert.ok(decision.retryAt !== undefined && decision.retryAt > r.now);
        assert.deepEqual(evaluateCall({ ...clean, now: decision.retryAt }), {
          allow: true,
          rule: 'ALLOWED',
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("decides a call and a relay request alike on the whole history and on the part its profile's scope keeps", () => {
    fc.assert(
      fc.property(fc.oneof(request, busyRequest), (r) => {
        const scoped = { ...r, history: r.history.filter(inHistoryScope(historyScope(r.profile), r)) };
        assert.deepEqual(evaluateCall(scoped), evaluateCall(r));
        assert.deepEqual(evaluateRelayRequest(scoped), evaluateRelayRequest(r));
      }),
      { numRuns: 2000 },
    );
  });
});
