import type { MatchableRecord } from '../resolve/matchable-record.js';
import { resolutionKeys } from '../resolve/resolution-keys.js';
import { ResolutionReads } from '../resolve/resolution-reads.js';
import type { ResolutionStore } from '../resolve/resolution-store.js';
import { decidePair } from '../resolve/scoring/decide-pair.js';
import type { MatchModel } from '../resolve/scoring/match-model.js';
import { scorePair } from '../resolve/scoring/score-pair.js';

export type DebtorMatch =
  | { matched: true; personId: string; score: number }
  | { matched: false; reason: 'NO_CANDIDATE' | 'BELOW_LINK_THRESHOLD' | 'AMBIGUOUS' };

type MatchReads = Pick<ResolutionStore, 'blockCandidates' | 'loadRecords' | 'personsOf' | 'valueCounts'>;

/**
 * Finds the person a creditor's case is about, by the rules records link by: candidates only
 * through indexed keys, Fellegi–Sunter scores, the link gate and cannot-link rules. A person
 * counts only if some record of theirs links with the case and none cannot-link with it; when two
 * persons qualify, the case stays unmatched: a collector must never reach the wrong person.
 */
export async function matchDebtor(store: MatchReads, debtor: MatchableRecord, model: MatchModel): Promise<DebtorMatch> {
  const blocks = await store.blockCandidates(resolutionKeys(debtor));
  const candidateKeys = [...new Set([...blocks.values()].flat())];
  if (candidateKeys.length === 0) return { matched: false, reason: 'NO_CANDIDATE' };
  const reads = new ResolutionReads(store);
  const persons = await reads.personsOf(candidateKeys);
  if (persons.length === 0) return { matched: false, reason: 'NO_CANDIDATE' };
  const records = new Map((await store.loadRecords([...new Set(persons.flatMap((p) => p.recordKeys))])).map((r) => [r.key, r]));
  const freq = await reads.frequencies([debtor, ...records.values()]);

  const qualified: { personId: string; score: number }[] = [];
  for (const person of persons) {
    const scores = person.recordKeys.flatMap((k) => (records.has(k) ? [scorePair(debtor, records.get(k)!, model, freq)] : []));
    if (scores.some((s) => s.cannotLink !== null)) continue;
    const links = scores.filter((s) => decidePair(s, model) === 'link');
    if (links.length > 0) qualified.push({ personId: person.personId, score: Math.max(...links.map((s) => s.total)) });
  }
  if (qualified.length === 0) return { matched: false, reason: 'BELOW_LINK_THRESHOLD' };
  if (qualified.length > 1) return { matched: false, reason: 'AMBIGUOUS' };
  return { matched: true, ...qualified[0]! };
}

/**
 * The match score as a probability, assuming one chance in a thousand that a case and a random
 * candidate are the same person before any evidence (2^-10): 18 bits give 0.996.
 */
export function matchConfidence(scoreBits: number): number {
  return Math.round((1 / (1 + 2 ** -(scoreBits - 10))) * 1000) / 1000;
}
