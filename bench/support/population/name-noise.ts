import type { IdentitySubjectV1 } from '../../../contracts/identity-update.v1.js';
import { drawAnyGivenCharacter } from './cn-names.js';
import { latinTypo } from './latin-names.js';
import type { Weighted } from './mulberry32.js';
import { PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { RecordContext } from './record-draft.js';
import type { SyntheticPerson } from './synthetic-person.js';

export type PersonName = NonNullable<IdentitySubjectV1['names']>[number];

type LatinForm = 'structured' | 'FAMILY Given' | 'Given Family' | 'GIVEN FAMILY';

// How pinyin names turn up on forms: passport-style fields, "WANG Xiaoming", Western order.
const LATIN_FORMS: readonly Weighted<LatinForm>[] = [
  { value: 'structured', weight: 0.4 },
  { value: 'FAMILY Given', weight: 0.2 },
  { value: 'Given Family', weight: 0.25 },
  { value: 'GIVEN FAMILY', weight: 0.15 },
];

/** The Han full name as a clerk typed it: now and then one given-name character is wrong. */
export function hanNameAsTyped(ctx: RecordContext, p: SyntheticPerson): PersonName {
  return { full: p.family + typedGiven(ctx, p, 'Hans'), script: 'Hans' };
}

/** A Latin-script name in one of the forms forms use, maybe swapped, maybe mistyped. */
export function latinNameAsTyped(ctx: RecordContext, p: SyntheticPerson): PersonName {
  const given = typedGiven(ctx, p, 'Latn');
  const family = p.familyLatin;
  const form = ctx.rng.weighted(LATIN_FORMS);
  switch (form) {
    case 'structured':
      if (ctx.rng.chance(RATES.latinNameSwap)) {
        ctx.counts.add('latinNameSwaps');
        return { given: family, family: given, script: 'Latn' };
      }
      return { given, family, script: 'Latn' };
    case 'FAMILY Given':
      return { full: `${family.toUpperCase()} ${given}`, script: 'Latn' };
    case 'Given Family':
      return { full: `${given} ${family}`, script: 'Latn' };
    case 'GIVEN FAMILY':
      return { full: `${given} ${family}`.toUpperCase(), script: 'Latn' };
  }
}

function typedGiven(ctx: RecordContext, p: SyntheticPerson, script: 'Hans' | 'Latn'): string {
  const correct = script === 'Latn' ? p.givenLatin : p.given;
  if (!ctx.rng.chance(RATES.nameTypo)) return correct;
  ctx.counts.add('nameTypos');
  if (script === 'Latn') return latinTypo(ctx.rng, correct);
  const chars = [...correct];
  const at = ctx.rng.int(0, chars.length - 1);
  let replacement = chars[at];
  while (replacement === chars[at]) replacement = drawAnyGivenCharacter(ctx.rng);
  chars[at] = replacement ?? '';
  return chars.join('');
}
