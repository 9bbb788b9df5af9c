import type { ClusterErrors } from './cluster-errors.js';
import { factsOf, mergeCause, splitCauses, type ErrorContext } from './error-causes.js';

/**
 * A few false merges and splits, the worst first but one per kind of cause, named by record keys
 * only: no personal data.
 */
export function errorExamples(errors: ClusterErrors, ctx: ErrorContext, limit = 5): string[] {
  const lines: string[] = [];
  const shownMerges = new Set<string>();
  for (const merge of errors.falseMerges) {
    const [a, b] = merge.parts;
    const cause = a && b ? mergeCause(factsOf(ctx, a.recordKeys), factsOf(ctx, b.recordKeys)) : '?';
    if (shownMerges.has(cause) || shownMerges.size >= limit) continue;
    shownMerges.add(cause);
    lines.push(
      `  false merge, person ${merge.predictedPersonId} (${merge.wrongPairs} wrong pairs, ${cause}): ` +
        merge.parts.map((p) => `${p.truePersonId}[${p.recordKeys.join(' ')}]`).join(' + '),
    );
  }
  const shownSplits = new Set<string>();
  for (const split of errors.splits) {
    const [a, b] = split.fragments;
    const all = factsOf(ctx, ctx.recordsOf.get(split.truePersonId) ?? []);
    const causes =
      a && b
        ? splitCauses(
            factsOf(ctx, a.recordKeys),
            factsOf(ctx, b.recordKeys),
            all,
            split.truePersonId,
            ctx.holders,
          )
        : [];
    const kind = causes.join(', ');
    if (shownSplits.has(kind) || shownSplits.size >= limit) continue;
    shownSplits.add(kind);
    lines.push(
      `  split, true person ${split.truePersonId} (${split.missedPairs} missed pairs, ${causes.join(', ') || 'unexplained'}): ` +
        split.fragments
          .map((f) => `${f.predictedPersonId ?? 'unresolved'}[${f.recordKeys.join(' ')}]`)
          .join(' | '),
    );
  }
  return lines;
}
