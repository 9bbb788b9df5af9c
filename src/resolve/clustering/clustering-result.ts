import type { PairScore } from '../scoring/pair-score.js';

/** The evidence that put `recordKey` into its cluster: its link to a record already there. */
export interface ClusterLink {
  recordKey: string;
  viaRecordKey: string;
  score: PairScore;
}

export interface ClusterOutcome {
  /** Sorted. */
  recordKeys: string[];
  /** One per record but the first (`recordKeys[0]`), parents before children. */
  links: ClusterLink[];
}

/** A pair worth a reviewer's look: in different clusters, no cannot-link, at least review score. */
export interface PossibleMatch {
  recordKey: string;
  otherRecordKey: string;
  score: PairScore;
}

export interface ClusteringResult {
  /** Ordered by first record key. */
  clusters: ClusterOutcome[];
  /** Strongest first; ties by keys. */
  possibleMatches: PossibleMatch[];
}
