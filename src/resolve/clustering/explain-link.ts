import { decidePair } from '../scoring/decide-pair.js';
import type { MatchModel } from '../scoring/match-model.js';
import type { PairScore } from '../scoring/pair-score.js';

/**
 * Lines a reviewer can read, such as `name: exact (+8.1)`, `phone: shared_active (+3.0,
 * tf-adjusted)`, `total 19.6 ≥ link 18`. Fields, levels, weights and rule ids only: never a
 * value, so the lines may be shown and logged. Without thresholds the last line is the bare total.
 */
export function explainLink(
  score: PairScore,
  thresholds?: Pick<MatchModel, 'linkThreshold' | 'reviewThreshold'>,
): string[] {
  const lines = score.evidence
    .filter((e) => e.level !== 'missing')
    .map(
      (e) => `${e.field}: ${e.level} (${signed(e.weight)}${e.tfAdjusted ? ', tf-adjusted' : ''})`,
    );
  if (score.evidence.some((e) => e.clusterWide === true)) {
    lines.push('(each field: the best agreement between any records of the two clusters)');
  }
  if (score.cannotLink !== null) lines.push(`cannot link: ${score.cannotLink}`);
  lines.push(totalLine(score, thresholds));
  if (
    thresholds !== undefined &&
    score.cannotLink === null &&
    score.total >= thresholds.linkThreshold &&
    decidePair(score, thresholds) !== 'link'
  ) {
    lines.push('not linked: a link needs the same national id or the same name');
  }
  return lines;
}

function totalLine(
  { total }: PairScore,
  thresholds?: Pick<MatchModel, 'linkThreshold' | 'reviewThreshold'>,
): string {
  const text = `total ${total.toFixed(1)}`;
  if (thresholds === undefined) return text;
  const { linkThreshold: link, reviewThreshold: review } = thresholds;
  if (total >= link) return `${text} ≥ link ${bits(link)}`;
  if (total >= review) return `${text} < link ${bits(link)}, ≥ review ${bits(review)}`;
  return `${text} < review ${bits(review)}`;
}

function signed(weight: number): string {
  return `${weight >= 0 ? '+' : ''}${weight.toFixed(1)}`;
}

function bits(threshold: number): string {
  return Number.isInteger(threshold) ? String(threshold) : threshold.toFixed(1);
}
