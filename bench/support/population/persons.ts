import { drawRegion } from './cn-regions.js';
import type { CnRegion } from './cn-regions.js';
import { COMMON_FULL_NAMES, drawGivenName, drawSurname, hanName } from './cn-names.js';
import { drawForeignName } from './latin-names.js';
import type { Random } from './mulberry32.js';
import type { PersonAttributes } from './person-attributes.js';
import type { PhenomenonCounts } from './phenomenon-counts.js';
import { PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { PhoneNumbers } from './phone-numbers.js';
import type { SyntheticIds } from './synthetic-ids.js';
import type { SyntheticAddress, SyntheticPerson } from './synthetic-person.js';

export interface PersonContext {
  rng: Random;
  ids: SyntheticIds;
  attributes: PersonAttributes;
  phones: PhoneNumbers;
  counts: PhenomenonCounts;
  nowYear: number;
}

/** What a household fixes for its members; everything else is drawn per person. */
export interface PersonSeed {
  sex: 'M' | 'F';
  birthDate: string;
  address: SyntheticAddress;
  family?: string;
  householdId?: string;
  landline?: string;
  twin?: boolean;
  given?: string;
  /** Where the id was issued; twins share it. */
  idRegion?: CnRegion;
}

export function cnPerson(ctx: PersonContext, id: string, seed: PersonSeed): SyntheticPerson {
  const { rng } = ctx;
  let family = seed.family ?? drawSurname(rng)[0];
  let given = seed.given ?? drawGivenName(rng, seed.sex);
  if (seed.family === undefined && seed.given === undefined && rng.chance(RATES.commonFullName)) {
    const full = rng.pick(COMMON_FULL_NAMES[seed.sex]);
    [family, given] = [full.slice(0, 1), full.slice(1)];
    ctx.counts.add('commonFullNameAssigned');
  }
  const name = hanName(family, given);
  // Most people still live in the district that issued their id; the rest moved.
  const idRegion: CnRegion =
    seed.idRegion ?? (rng.chance(0.7) ? seed.address.region : drawRegion(rng));
  return {
    id,
    origin: 'cn',
    sex: seed.sex,
    ...name,
    birthDate: seed.birthDate,
    nationalId: {
      country: 'CN',
      type: 'CN_RIC',
      value: ctx.ids.residentId(idRegion.code, seed.birthDate, seed.sex),
    },
    address: seed.address,
    ...(seed.householdId === undefined ? {} : { householdId: seed.householdId }),
    ...(seed.landline === undefined ? {} : { landline: seed.landline }),
    twin: seed.twin ?? false,
    email: ctx.attributes.email(name.givenLatin, name.familyLatin),
    employer: ctx.attributes.employer(),
  };
}

export function foreignPerson(ctx: PersonContext, id: string): SyntheticPerson {
  const { rng } = ctx;
  const sex = rng.chance(0.5) ? 'M' : 'F';
  const name = drawForeignName(rng, sex);
  const birthDate = ctx.attributes.birthDate(rng.int(ctx.nowYear - 65, ctx.nowYear - 22));
  ctx.counts.add('foreigners');
  return {
    id,
    origin: 'foreign',
    sex,
    family: name.family,
    given: name.given,
    familyLatin: name.family,
    givenLatin: name.given,
    birthDate,
    nationalId: { country: name.country, type: 'PASSPORT', value: ctx.ids.passport() },
    address: ctx.attributes.address(drawRegion(rng)),
    twin: false,
    email: ctx.attributes.email(name.given, name.family),
    employer: ctx.attributes.employer(),
  };
}
