import type { RecordComparison } from './compare-records.js';
import { levelWeight } from './match-model.js';
import type { MatchField, MatchModel } from './match-model.js';
import type { FieldEvidence } from './pair-score.js';
import { FREE_HOLDERS, nameAgreementWeight, sharedValueWeight } from './term-frequency.js';
import type { ValueFrequencies } from './value-frequencies.js';

interface Option {
  level: string;
  weight: number;
}

/**
 * A field's evidence is its strongest agreement after term-frequency adjustment: of two shared
 * numbers, the one few records hold; of two agreeing names, the rare one. Taking the strongest
 * means that agreeing on one more value can never lower a score, and it is symmetric.
 */
export function fieldEvidence(
  field: MatchField,
  level: string,
  comparison: RecordComparison,
  model: MatchModel,
  freq: ValueFrequencies,
): FieldEvidence {
  const options = agreements(field, comparison, model, freq);
  const best = options.reduce<Option | undefined>(
    (x, y) => (x === undefined || stronger(y, x, field, model) ? y : x),
    undefined,
  ) ?? { level, weight: levelWeight(model, field, level) };
  const base = levelWeight(model, field, best.level);
  return best.weight < base
    ? { field, level: best.level, weight: best.weight, tfAdjusted: true }
    : { field, level: best.level, weight: best.weight };
}

// Ties go to the level the model rates higher, then to the level's name, so that the reported
// level never depends on the order of the records' values.
function stronger(x: Option, y: Option, field: MatchField, model: MatchModel): boolean {
  if (x.weight !== y.weight) return x.weight > y.weight;
  const xBase = levelWeight(model, field, x.level);
  const yBase = levelWeight(model, field, y.level);
  return xBase !== yBase ? xBase > yBase : x.level < y.level;
}

function agreements(
  field: MatchField,
  comparison: RecordComparison,
  model: MatchModel,
  freq: ValueFrequencies,
): Option[] {
  const weight = (level: string): number => levelWeight(model, field, level);
  switch (field) {
    case 'name': {
      const personal = sharesPersonalMobile(comparison, freq);
      return comparison.name.pairs.map(({ level, keys: [x, y] }) => {
        const probability = model.fields.name[level];
        if (probability === undefined || personal || (level !== 'exact' && level !== 'swapped')) {
          return { level, weight: weight(level) };
        }
        // A pair is as common as its commoner side, whichever record that is.
        const share = Math.max(freq.nameShare(x), freq.nameShare(y));
        return { level, weight: nameAgreementWeight(probability, share) };
      });
    }
    case 'phone':
      return comparison.phone.shared.map(({ e164, level }) => ({
        level,
        weight: sharedValueWeight(weight(level), freq.phoneHolders(e164)),
      }));
    case 'address':
      return [
        ...comparison.address.sharedKeys.map((key) => ({
          level: 'exact',
          weight: sharedValueWeight(weight('exact'), freq.addressHolders(key)),
        })),
        ...(comparison.address.samePostcode
          ? [{ level: 'same_postcode', weight: weight('same_postcode') }]
          : []),
      ];
    default:
      return [];
  }
}

/**
 * Whether the two records share a live mobile that few records hold. Then a name's commonness
 * says nothing: strangers do not share a mobile, and the few people who do (a household) do not
 * repeat a full name, so 王伟 with 王伟's own number counts as much as a rare name would.
 */
function sharesPersonalMobile(comparison: RecordComparison, freq: ValueFrequencies): boolean {
  return comparison.phone.shared.some(
    (phone) => phone.level === 'shared_active' && freq.phoneHolders(phone.e164) <= FREE_HOLDERS,
  );
}
