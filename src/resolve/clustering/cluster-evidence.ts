import type { FieldEvidence, PairScore } from '../scoring/pair-score.js';
import type { PairScores, ScoredPair } from './pair-scores.js';

/**
 * Two clusters compared as the persons they describe: each field at its best agreement between
 * any record of one and any record of the other. A person's records complete each other: the
 * registry knows the name, the creditor the number, and a telecom record that has both only agrees
 * with each of them on half. A field counts as missing only when no cross pair compares it, so a
 * disagreement stays a disagreement unless some record of the other person agrees. Any cross pair's
 * cannot-link rule rules the whole comparison out.
 *
 * The result is scored against the same thresholds and identity gate as a pair, as a link between
 * the two records of the strongest cross pair, with every field marked `clusterWide`.
 */
export function clusterEvidence(x: readonly number[], y: readonly number[], scores: PairScores): ScoredPair {
  let strongest: ScoredPair | undefined;
  let best: FieldEvidence[] | undefined;
  let cannotLink: PairScore['cannotLink'] = null;
  for (const i of x) {
    for (const j of y) {
      const score = scores.get(i, j);
      cannotLink ??= score.cannotLink;
      if (strongest === undefined || score.total > strongest.score.total) strongest = { i, j, score };
      best = best === undefined ? [...score.evidence] : best.map((e, f) => better(e, score.evidence[f]!));
    }
  }
  if (strongest === undefined || best === undefined) throw new RangeError('clusterEvidence needs two non-empty clusters');
  const evidence = best.map((e) => ({ ...e, clusterWide: true as const }));
  const total = evidence.reduce((sum, e) => sum + e.weight, 0);
  return { i: strongest.i, j: strongest.j, score: { total, evidence, cannotLink } };
}

function better(a: FieldEvidence, b: FieldEvidence): FieldEvidence {
  if (a.level === 'missing') return b;
  if (b.level === 'missing') return a;
  return b.weight > a.weight ? b : a;
}
