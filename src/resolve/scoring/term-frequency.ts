import type { LevelProbability } from './match-model.js';

/**
 * The share of a typical full name in a national population: most names are carried by one person
 * in 100,000 or fewer, and the model's u for name agreement is an average dominated by them.
 */
export const REFERENCE_NAME_SHARE = 1e-5;

/**
 * A number or address held by up to this many records is normal: one person described by a few
 * sources, or one household. Beyond it the value is shared (a switchboard, a dormitory).
 */
export const FREE_HOLDERS = 4;

/**
 * Agreeing on a name k times as common as a typical one is k times as likely between strangers:
 * u' = u · k, so the weight falls by log2(k) bits (王伟, 20 times typical, loses 4.3 of 8.1). It
 * never falls below 0: agreeing on a name is never evidence against a match.
 */
export function nameAgreementWeight(level: LevelProbability, share: number): number {
  const weight = Math.log2(level.m / level.u);
  if (weight <= 0 || !(share > REFERENCE_NAME_SHARE)) return weight;
  const u = Math.min(level.m, level.u * (share / REFERENCE_NAME_SHARE));
  return Math.log2(level.m / u);
}

/**
 * A shared value's weight is divided by 1 + log2(holders / FREE_HOLDERS): a switchboard held by 30
 * records keeps about a quarter of it. A divisor rather than a larger u, because a value held by
 * dozens of records says almost nothing however rare such values are in general.
 */
export function sharedValueWeight(weight: number, holders: number): number {
  if (weight <= 0 || !(holders > FREE_HOLDERS)) return weight;
  return weight / (1 + Math.log2(holders / FREE_HOLDERS));
}
