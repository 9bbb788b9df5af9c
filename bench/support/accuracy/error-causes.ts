import type { PopulationEvent } from '../population/generate-population.js';
import type { ClusterErrors } from './cluster-errors.js';
import type { BestContactMiss, Truth } from './metrics.js';
import { recordFacts, shares, type RecordFacts } from './record-facts.js';

/**
 * The population's phenomena as they show in the records of a wrong pair. The generator counts
 * phenomena only in total, so causes are read back from what the two sides' records say; they
 * explain, they do not score.
 */
export interface ErrorBreakdown {
  /** Each merged pair under its most telling cause. */
  falseMergePairsByCause: Record<string, number>;
  falseMergePairsBySources: Record<string, number>;
  /** A missed pair under every cause that applies, or `unexplained`. */
  missedPairsByCause: Record<string, number>;
  missedPairsBySources: Record<string, number>;
  bestContactMissesByKind: Record<string, number>;
}

export interface ErrorContext {
  facts: ReadonlyMap<string, RecordFacts>;
  /** True person id → the keys of all their records in the run. */
  recordsOf: ReadonlyMap<string, readonly string[]>;
  /** E.164 → the true persons whose records list it. */
  holders: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Each record's facts, as its last event states them, indexed by record, true person and number. */
export function errorContext(events: readonly PopulationEvent[], truth: Truth): ErrorContext {
  const facts = new Map<string, RecordFacts>();
  for (const { sourceId, event } of events) {
    const key = `${sourceId}:${event.sourceRecordId}`;
    facts.set(key, recordFacts(key, sourceId, event.subject));
  }
  const recordsOf = new Map<string, string[]>();
  const holders = new Map<string, Set<string>>();
  for (const [key, person] of truth) {
    recordsOf.set(person, [...(recordsOf.get(person) ?? []), key]);
    const f = facts.get(key);
    for (const e164 of f ? [...f.mobiles, ...f.landlines] : [])
      holders.set(e164, (holders.get(e164) ?? new Set()).add(person));
  }
  return { facts, recordsOf, holders };
}

export function errorBreakdown(
  errors: ClusterErrors,
  misses: readonly BestContactMiss[],
  ctx: ErrorContext,
  nowMs: number,
): ErrorBreakdown {
  const out: ErrorBreakdown = {
    falseMergePairsByCause: {},
    falseMergePairsBySources: {},
    missedPairsByCause: {},
    missedPairsBySources: {},
    bestContactMissesByKind: {},
  };
  for (const merge of errors.falseMerges) {
    eachGroupPair(
      merge.parts.map((p) => factsOf(ctx, p.recordKeys)),
      (a, b, n) => {
        add(out.falseMergePairsByCause, mergeCause(a, b), n);
        addBySources(out.falseMergePairsBySources, a, b);
      },
    );
  }
  for (const split of errors.splits) {
    const all = factsOf(ctx, ctx.recordsOf.get(split.truePersonId) ?? []);
    eachGroupPair(
      split.fragments.map((f) => factsOf(ctx, f.recordKeys)),
      (a, b, n) => {
        const causes = splitCauses(a, b, all, split.truePersonId, ctx.holders);
        for (const cause of causes.length > 0 ? causes : ['unexplained'])
          add(out.missedPairsByCause, cause, n);
        addBySources(out.missedPairsBySources, a, b);
      },
    );
  }
  const merged = new Set(errors.falseMerges.map((m) => m.predictedPersonId));
  const split = new Set(errors.splits.map((s) => s.truePersonId));
  for (const miss of misses) {
    const own = factsOf(ctx, ctx.recordsOf.get(miss.truePersonId) ?? []);
    add(out.bestContactMissesByKind, missKind(miss, own, ctx.holders, nowMs));
    if (miss.predictedPersonId !== undefined && merged.has(miss.predictedPersonId))
      add(out.bestContactMissesByKind, 'ofWhich:personIsFalseMerge');
    if (split.has(miss.truePersonId)) add(out.bestContactMissesByKind, 'ofWhich:truePersonIsSplit');
  }
  return out;
}

/** The most telling reason two true persons' records may have looked like one person's. */
export function mergeCause(a: RecordFacts[], b: RecordFacts[]): string {
  if (shares(a, b, (f) => f.mobiles)) return 'sharedMobile(recycledNumber)';
  if (shares(a, b, (f) => f.nationalIds)) return 'sharedNationalId';
  if (shares(a, b, (f) => f.emails)) return 'sharedEmail';
  const sameBirth = shares(a, b, (f) => (f.birthDate === undefined ? [] : [f.birthDate]));
  if (sameBirth && shares(a, b, (f) => f.hanNames.map((n) => n.charAt(0))))
    return 'twins(sameSurnameAndBirthDate)';
  if (shares(a, b, (f) => f.landlines) || shares(a, b, (f) => f.addresses))
    return 'household(sharedLandlineOrAddress)';
  if (shares(a, b, (f) => f.hanNames) || shares(a, b, (f) => f.latinNames)) return 'sameFullName';
  if (sameBirth) return 'sameBirthDate';
  return 'other';
}

/** Every reason two groups of one true person's records may have looked like two persons. */
export function splitCauses(
  a: RecordFacts[],
  b: RecordFacts[],
  all: RecordFacts[],
  truePersonId: string,
  holders: ErrorContext['holders'],
): string[] {
  const causes: string[] = [];
  const sharesMobile = shares(a, b, (f) => f.mobiles);
  if (!sharesMobile && all.some((f) => f.endedNumbers.length > 0)) causes.push('numberChange');
  if (
    [...a, ...b].some((f) =>
      f.mobiles.some((m) => [...(holders.get(m) ?? [])].some((p) => p !== truePersonId)),
    )
  ) {
    causes.push('recycledNumber');
  }
  const hanA = a.some((f) => f.hanNames.length > 0);
  const hanB = b.some((f) => f.hanNames.length > 0);
  if (!all.some((f) => f.hanNames.length > 0)) causes.push('latinOnlyPerson(foreigner)');
  else if (hanA !== hanB) causes.push('pinyinVsHan');
  else if (hanA && !shares(a, b, (f) => f.hanNames)) causes.push('hanNameDiffers(typo)');
  if (!hanA && !hanB && !shares(a, b, (f) => f.latinNames)) causes.push('latinNameDiffers');
  const births = (x: RecordFacts[]) =>
    x.flatMap((f) => (f.birthDate === undefined ? [] : [f.birthDate]));
  if (births(a).length > 0 && births(b).length > 0 && !shares(a, b, (f) => births([f])))
    causes.push('birthDateDiffers');
  if ([...a, ...b].some((f) => f.nationalIds.some((id) => /\|\d{15}$/.test(id))))
    causes.push('legacyResidentId');
  if (!sharesMobile && !shares(a, b, (f) => f.nationalIds) && !shares(a, b, (f) => f.emails))
    causes.push('noSharedIdentifier');
  return causes;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

function missKind(
  miss: BestContactMiss,
  own: RecordFacts[],
  holders: ErrorContext['holders'],
  nowMs: number,
): string {
  if (miss.predictedPersonId === undefined) return 'noRecordResolved';
  const best = miss.best;
  if (best === undefined) {
    // Contact ranking stops offering a number nobody has seen for long: stale, not wrong.
    const seen = Math.max(...own.map((f) => f.lastSeenMs.get(miss.expected) ?? -Infinity));
    return nowMs - seen > YEAR_MS
      ? 'noBestContact(currentNumberLastSeenOverAYearAgo)'
      : 'noBestContact';
  }
  if (own.some((f) => f.endedNumbers.includes(best))) return 'ownEndedNumber';
  if (own.some((f) => f.landlines.includes(best))) return 'householdLandline';
  if (own.some((f) => f.mobiles.includes(best))) return 'ownOtherMobile';
  if ((holders.get(best)?.size ?? 0) > 0) return 'anotherPersonsNumber';
  return 'unlistedNumber';
}

export function factsOf(ctx: ErrorContext, keys: readonly string[]): RecordFacts[] {
  return keys.flatMap((k) => {
    const f = ctx.facts.get(k);
    return f ? [f] : [];
  });
}

function eachGroupPair(
  groups: RecordFacts[][],
  visit: (a: RecordFacts[], b: RecordFacts[], pairs: number) => void,
): void {
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++)
      visit(groups[i]!, groups[j]!, groups[i]!.length * groups[j]!.length);
  }
}

function addBySources(counts: Record<string, number>, a: RecordFacts[], b: RecordFacts[]): void {
  for (const x of a) {
    for (const y of b) add(counts, [short(x.sourceId), short(y.sourceId)].sort().join('~'));
  }
}

function short(sourceId: string): string {
  return sourceId.replace(/^demo-/, '');
}

function add(counts: Record<string, number>, key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}
