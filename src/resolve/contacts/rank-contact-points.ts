import type { MatchableRecord } from '../matchable-record.js';
import { assertValidContactPolicy } from './contact-policy.js';
import type { ContactPolicy } from './contact-policy.js';
import type { ContactPoint, ContactRanking, Reachability } from './contact-point.js';
import {
  combinedTrust,
  corroborationFactor,
  DAY_MS,
  decay,
  STATUS_FACTOR,
  verificationFactor,
} from './contact-score.js';
import { collectSightings } from './contact-sightings.js';
import type { ContactSightings } from './contact-sightings.js';
import { isTerminalStatus, newestPhoneStatus } from './phone-status.js';

export interface RankContactPointsInput {
  /** The person's linked records only. */
  records: readonly MatchableRecord[];
  /** Numbers a telecom reported reassigned away from this person: never reach them again. */
  supersededPhones: ReadonlySet<string>;
  now: Date;
  policy: ContactPolicy;
}

// Nothing is known about an email's deliverability, so it weighs like a phone of unknown status.
const EMAIL_FACTOR = STATUS_FACTOR.unknown;

/** Every phone and email of the person, scored (formula in contact-score.ts), best first. */
export function rankContactPoints(input: RankContactPointsInput): ContactRanking {
  const { policy, supersededPhones } = input;
  assertValidContactPolicy(policy);
  const nowMs = input.now.getTime();
  const contacts = collectSightings(input.records)
    .map((sightings) => toContactPoint(sightings, supersededPhones, nowMs, policy))
    .sort(bestFirst);
  const best = contacts.find((c) => c.kind === 'phone' && c.reachable) ?? null;
  return { contacts, best, reachability: reachabilityOf(best, nowMs, policy) };
}

function toContactPoint(
  { kind, value, sightings }: ContactSightings,
  supersededPhones: ReadonlySet<string>,
  nowMs: number,
  policy: ContactPolicy,
): ContactPoint {
  const seen = sightings.map((s) => s.seenAtMs);
  const lastSeenAtMs = Math.max(...seen);
  const sources = [...new Set(sightings.map((s) => s.sourceId))].sort();
  const verifications = sightings.flatMap((s) =>
    s.verifiedAtMs === undefined ? [] : [s.verifiedAtMs],
  );
  const newestVerifiedAtMs = verifications.length > 0 ? Math.max(...verifications) : undefined;

  // A number reassigned away is reported as such even where this person's own records still say
  // active: that is what a collector looking at the list needs to know.
  const superseded = kind === 'phone' && supersededPhones.has(value);
  const status =
    kind === 'email' ? 'email' : superseded ? 'reassigned' : newestPhoneStatus(sightings);
  const barred = status !== 'email' && isTerminalStatus(status);

  const raw =
    decay(nowMs - lastSeenAtMs, policy) *
    combinedTrust(sightings) *
    corroborationFactor(sources.length) *
    verificationFactor(newestVerifiedAtMs, nowMs, policy) *
    (status === 'email' ? EMAIL_FACTOR : STATUS_FACTOR[status]);
  const score = barred ? 0 : raw;

  return {
    kind,
    value,
    score,
    status,
    firstSeenAtMs: Math.min(...seen),
    lastSeenAtMs,
    sources,
    corroboration: sources.length,
    verified: newestVerifiedAtMs !== undefined,
    reachable: !barred && score > 0 && score >= policy.minReachableScore,
  };
}

function bestFirst(a: ContactPoint, b: ContactPoint): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}

function reachabilityOf(
  best: ContactPoint | null,
  nowMs: number,
  policy: ContactPolicy,
): Reachability {
  if (best === null) return 'unreachable';
  return nowMs - best.lastSeenAtMs > policy.staleAfterDays * DAY_MS ? 'stale' : 'reachable';
}
