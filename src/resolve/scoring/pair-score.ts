import type { CannotLinkRule } from './cannot-link.js';
import type { MatchField } from './match-model.js';

/** One field's part in a score. Levels and weights only: never the values compared. */
export interface FieldEvidence {
  field: MatchField;
  level: string;
  /** Bits: log2(m/u), after any term-frequency adjustment; 0 for 'missing'. */
  weight: number;
  /** Set when the value agreed on is common, and the weight was lowered for it. */
  tfAdjusted?: boolean;
  /** Set when two clusters were compared: the best agreement between any of their records. */
  clusterWide?: true;
}

export interface PairScore {
  /** Sum of the evidence weights, in bits. */
  total: number;
  /** One entry per field, in `MATCH_FIELDS` order. */
  evidence: FieldEvidence[];
  /** When set, the pair must never be linked, whatever its total. */
  cannotLink: CannotLinkRule | null;
}
