import type { MatchModel } from './match-model.js';
import type { PairScore } from './pair-score.js';

export type PairDecision = 'link' | 'review' | 'no_link';

/**
 * A link needs the total, no cannot-link, and agreement on who the person is: the same national
 * id, or the same name words. Phones, addresses, birth dates and contacts are shared by twins and
 * households, whose agreements are not independent as the model assumes, so by themselves they
 * can only make a pair worth reviewing (twins 王小明 and 王小亮 at one address, with one landline).
 */
export function decidePair(
  score: PairScore,
  model: Pick<MatchModel, 'linkThreshold' | 'reviewThreshold'>,
): PairDecision {
  if (score.cannotLink !== null) return 'no_link';
  if (score.total >= model.linkThreshold && identifiesPerson(score)) return 'link';
  return score.total >= model.reviewThreshold ? 'review' : 'no_link';
}

function identifiesPerson(score: PairScore): boolean {
  return score.evidence.some(
    (e) =>
      (e.field === 'nationalId' && e.level === 'exact') ||
      (e.field === 'name' && (e.level === 'exact' || e.level === 'swapped')),
  );
}
