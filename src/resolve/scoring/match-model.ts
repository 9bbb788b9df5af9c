/** The fields a pair of records is compared on, in the order evidence is reported. */
export const MATCH_FIELDS = [
  'nationalId',
  'name',
  'birthDate',
  'phone',
  'email',
  'address',
  'employer',
  'thirdParty',
] as const;

export type MatchField = (typeof MATCH_FIELDS)[number];

/** m: how often true matches show this level; u: how often unrelated pairs do. */
export interface LevelProbability {
  m: number;
  u: number;
}

/**
 * A Fellegi–Sunter model. Levels absent from a field (always 'missing') weigh nothing. Thresholds
 * are in bits, the unit of the summed weights.
 */
export interface MatchModel {
  version: string;
  fields: Record<MatchField, Record<string, LevelProbability>>;
  /** A pair at or above this may be linked (see `decidePair` for what else it needs). */
  linkThreshold: number;
  /** A pair at or above this, but not linked, is shown to a reviewer as a possible match. */
  reviewThreshold: number;
  /** The least mean pair total between two clusters that may merge (see `clusterComponent`). */
  clusterMinimum: number;
}

/** The agreement weight log2(m/u) of a level; 0 for a level the model does not know ('missing'). */
export function levelWeight(model: MatchModel, field: MatchField, level: string): number {
  const probability = model.fields[field][level];
  return probability === undefined ? 0 : Math.log2(probability.m / probability.u);
}

/** The identifier of the rules behind a score, stored with every link it justifies. */
export function ruleSetVersion(model: MatchModel): string {
  return model.version;
}
