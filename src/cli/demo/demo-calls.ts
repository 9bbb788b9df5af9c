import type { CallRequest, DebtorLocation, PolicyProfile } from '../../relay/policy/call-policy.js';
import { CALLING_HOURS } from '../../relay/policy/calling-hours.js';
import { CN_MAX_DAILY_CONVERSATIONS } from '../../relay/policy/cn-frequency.js';
import { evaluateCall } from '../../relay/policy/evaluate-call.js';
import { debtorTimeZones } from '../../relay/policy/time-zones.js';
import { formatLocalTime, localDateTime, zonedInstant } from '../../relay/policy/zoned-time.js';
import { TELEPHONY, type Journey } from './demo-journey.js';
import { syntheticMobile } from './demo-population.js';
import { mask } from './demo-report.js';

const FREQUENCY_RULES = new Set(['CN_DAILY_CONVERSATIONS', 'US_AFTER_CONVERSATION', 'US_SEVEN_IN_SEVEN']);
const HOURS_RULES = new Set(['CN_CALLING_HOURS', 'US_CALLING_HOURS']);

/** Where the pure-policy examples place the debtor: a location that gives one zone under the profile. */
const EXAMPLE_LOCATION: Record<PolicyProfile, DebtorLocation> = {
  CN: { phoneCountry: 'CN', addressCountry: 'CN' },
  US: { phoneCountry: 'US', addressCountry: 'US', addressRegion: 'NY' },
};

/**
 * c: telephony routing. The running service reads the real clock, which the demo cannot move, so
 * it shows the decisions the service really makes now (which of them depends on the hour) and
 * explains the rest with the pure policy function and an injected clock, labelled as such.
 */
export async function stepRouting(j: Journey, relayNumber: string, profile: PolicyProfile, minLinkScore: number): Promise<void> {
  const { client, report, demo } = j;
  const d = demo.lost;
  report.heading('c', 'telephony routing: allowed and denied');
  let callNo = 0;
  const route = (from: string) =>
    client.call('POST', '/v1/telephony/route', TELEPHONY, { relayNumber, from, callId: `demo-${demo.run}-call-${++callNo}` });

  let serviceAllowed = 0;
  let serviceDenied = 0;
  const first = await route(demo.bankLine);
  if (first.body.action === 'connect') {
    if (first.body.to !== d.newPhone) report.fail('c', `the call was connected to ${mask(String(first.body.to))}, not the debtor's current number`);
    report.service(`${demo.bank}'s line calls relay ${relayNumber}: connect to ${mask(d.newPhone)} (the new number, not ${mask(d.oldPhone)}); it is inside calling hours where the debtor is and no cap is reached`);
    serviceAllowed++;
    serviceDenied += await capReached(j, route, String(first.body.callId));
  } else if (HOURS_RULES.has(String(first.body.reason))) {
    report.service(`${demo.bank}'s line calls relay ${relayNumber}: reject ${String(first.body.reason)}; it really is outside calling hours where the debtor is now, so no clock needs moving`);
    serviceDenied++;
  } else {
    report.fail('c', `the creditor's first call was neither connected nor refused for the hour: ${first.text}`);
  }

  const callback = await route(d.newPhone);
  if (callback.body.action !== 'connect' || callback.body.to !== demo.bankLine) report.fail('c', `the debtor's call back was not put through to the creditor's line: ${callback.text}`);
  report.service(`the debtor calls the relay back from ${mask(d.newPhone)}: connect to ${demo.bank}'s line ${mask(demo.bankLine)} (a debtor's own call is never limited by calling hours or caps)`);
  serviceAllowed++;

  const stranger = await route(syntheticMobile());
  if (stranger.body.action !== 'reject') report.fail('c', `a call from an unregistered line was connected: ${stranger.text}`);
  report.service(`a line that is not ${demo.bank}'s registered line calls the relay: reject ${String(stranger.body.reason)}`);
  serviceDenied++;

  explainWithPolicy(j, profile, minLinkScore);
  report.passed('c', 'routing allowed and denied', `service: ${serviceAllowed} allowed, ${serviceDenied} denied; policy with injected clock: 1 allowed, 2 denied`);
}

/** Reports answered calls until the profile's cap refuses the next one; the cap needs no clock. */
async function capReached(j: Journey, route: (from: string) => Promise<{ body: Record<string, unknown>; text: string }>, firstCallId: string): Promise<number> {
  const { client, report, demo } = j;
  let callId = firstCallId;
  for (let answered = 1; answered <= CN_MAX_DAILY_CONVERSATIONS + 1; answered++) {
    const outcome = await client.call('POST', `/v1/telephony/calls/${encodeURIComponent(callId)}/outcome`, TELEPHONY, { answered: true });
    if (outcome.status !== 204) report.fail('c', `recording the call's outcome answered ${outcome.status}: ${outcome.text}`);
    report.service(`telephony reports call ${answered} answered: a conversation with the debtor`);
    const next = await route(demo.bankLine);
    if (next.body.action === 'reject' && FREQUENCY_RULES.has(String(next.body.reason))) {
      report.service(`${demo.bank}'s line calls again: reject ${String(next.body.reason)} after ${answered} conversation(s); the cap counts every creditor's calls with this debtor`);
      return 1;
    }
    if (next.body.action !== 'connect') report.fail('c', `call ${answered + 1} was refused for another reason: ${next.text}`);
    callId = String(next.body.callId);
  }
  return report.fail('c', 'no frequency cap refused a call after more conversations than the profile allows');
}

function explainWithPolicy(j: Journey, profile: PolicyProfile, minLinkScore: number): void {
  const { report, demo } = j;
  const location = EXAMPLE_LOCATION[profile];
  const zone = debtorTimeZones(profile, location)[0] ?? 'UTC';
  const today = localDateTime(new Date(), zone);
  const at = (minute: number) => zonedInstant(zone, today, minute);
  const hours = CALLING_HOURS[profile];
  const request = (now: Date, conversations: number): CallRequest => ({
    profile,
    now,
    direction: 'outbound',
    caseId: demo.caseLost,
    creditor: demo.bank,
    location,
    restrictions: [],
    target: { kind: 'own', link: 'RESOLVES_TO', superseded: false, linkScore: minLinkScore + 20 },
    minLinkScore,
    history: Array.from({ length: conversations }, (_, i) => ({
      at: at(9 * 60 + i * 10),
      caseId: demo.caseLost,
      creditor: demo.bank,
      direction: 'outbound' as const,
      connected: true,
    })),
  });
  const show = (label: string, now: Date, conversations: number) => {
    const decision = evaluateCall(request(now, conversations));
    const time = formatLocalTime(localDateTime(now, zone));
    report.policy(`${profile} profile, ${time} in ${zone}, ${conversations} conversation(s) earlier today, ${label}: ${decision.allow ? 'allow' : `deny ${decision.rule}`}`);
    return decision;
  };
  report.line(`calling hours under ${profile}: ${formatLocalTime({ hour: hours.opens / 60, minute: 0 })}–${formatLocalTime({ hour: hours.closes / 60, minute: 0 })} local; the service's clock cannot be set from outside, so these use evaluateCall with a chosen time:`);
  const allowed = show('a first call', at(10 * 60), 0);
  const late = show('a call late in the evening', at(23 * 60), 0);
  const capped = show('one call more', at(11 * 60), CN_MAX_DAILY_CONVERSATIONS);
  if (!allowed.allow || late.allow || capped.allow) report.fail('c', 'the call policy did not decide as documented');
}
