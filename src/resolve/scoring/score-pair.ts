import type { MatchableRecord } from '../matchable-record.js';
import { cannotLinkRule } from './cannot-link.js';
import { compareRecords, comparisonVector } from './compare-records.js';
import { fieldEvidence } from './field-evidence.js';
import { MATCH_FIELDS } from './match-model.js';
import type { MatchModel } from './match-model.js';
import type { PairScore } from './pair-score.js';
import type { ValueFrequencies } from './value-frequencies.js';

/**
 * Fellegi–Sunter: the sum over fields of log2(m/u) for the level each field agrees at, with
 * agreement on common names, shared phones and shared addresses weighed down. Every comparison
 * is symmetric, and evidence is summed in one fixed field order, so (a, b) and (b, a) give the
 * same total to the last bit.
 */
export function scorePair(
  a: MatchableRecord,
  b: MatchableRecord,
  model: MatchModel,
  freq: ValueFrequencies,
): PairScore {
  const comparison = compareRecords(a, b);
  const levels = comparisonVector(comparison);
  const evidence = MATCH_FIELDS.map((field) =>
    fieldEvidence(field, levels[field], comparison, model, freq),
  );
  const total = evidence.reduce((sum, e) => sum + e.weight, 0);
  return { total, evidence, cannotLink: cannotLinkRule(comparison) };
}
