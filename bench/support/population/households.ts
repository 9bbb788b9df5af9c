import { drawRegion } from './cn-regions.js';
import { drawGivenName, drawSurname } from './cn-names.js';
import type { Weighted } from './mulberry32.js';
import { cnPerson, foreignPerson } from './persons.js';
import type { PersonContext, PersonSeed as MemberSeed } from './persons.js';
import { PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { SyntheticPerson } from './synthetic-person.js';

const HOUSEHOLD_SIZES: readonly Weighted<number>[] = [
  { value: 2, weight: 0.5 },
  { value: 3, weight: 0.35 },
  { value: 4, weight: 0.15 },
];
const MEAN_HOUSEHOLD_SIZE = 2.65;

// The rates are shares of persons; a unit (single, household, twin pair) holds several, so each
// kind of unit is drawn in proportion to its share divided by its size.
const UNITS: readonly Weighted<'single' | 'household' | 'twins'>[] = [
  { value: 'twins', weight: RATES.twin / 2 },
  { value: 'household', weight: RATES.household / MEAN_HOUSEHOLD_SIZE },
  { value: 'single', weight: 1 - RATES.twin - RATES.household },
];
// Foreigners are drawn among singles only, so the rate is scaled up to stay a share of everyone.
const FOREIGNER_AMONG_SINGLES = RATES.foreigner / (1 - RATES.twin - RATES.household);

/** Exactly `count` persons: singles, family households and twin pairs. */
export function createPersons(ctx: PersonContext, count: number): SyntheticPerson[] {
  const persons: SyntheticPerson[] = [];
  const nextId = () => `P${String(persons.length + 1).padStart(6, '0')}`;
  let households = 0;
  while (persons.length < count) {
    const remaining = count - persons.length;
    const unit = remaining < 2 ? 'single' : ctx.rng.weighted(UNITS);
    if (unit === 'single') {
      persons.push(
        ctx.rng.chance(FOREIGNER_AMONG_SINGLES)
          ? foreignPerson(ctx, nextId())
          : single(ctx, nextId()),
      );
      continue;
    }
    households += 1;
    const householdId = `H${String(households).padStart(6, '0')}`;
    const size = unit === 'twins' ? 2 : Math.min(remaining, ctx.rng.weighted(HOUSEHOLD_SIZES));
    const members = unit === 'twins' ? twins(ctx, householdId) : family(ctx, householdId, size);
    for (const seed of members) persons.push(cnPerson(ctx, nextId(), seed));
    ctx.counts.add(unit === 'twins' ? 'twinPairs' : 'households');
    ctx.counts.add('householdMembers', members.length);
  }
  return persons;
}

function single(ctx: PersonContext, id: string): SyntheticPerson {
  const { rng } = ctx;
  return cnPerson(ctx, id, {
    sex: rng.chance(0.5) ? 'M' : 'F',
    birthDate: ctx.attributes.birthDate(rng.int(ctx.nowYear - 70, ctx.nowYear - 20)),
    address: ctx.attributes.address(drawRegion(rng)),
  });
}

function shared(
  ctx: PersonContext,
  householdId: string,
): Pick<MemberSeed, 'address' | 'householdId' | 'landline'> {
  const address = ctx.attributes.address(drawRegion(ctx.rng));
  const landline = ctx.rng.chance(RATES.householdLandline)
    ? ctx.phones.landline(address.region.areaCode)
    : undefined;
  if (landline !== undefined) ctx.counts.add('householdLandlines');
  return { address, householdId, ...(landline === undefined ? {} : { landline }) };
}

/** A couple (each keeps their own surname, as in China) and adult children with the father's. */
function family(ctx: PersonContext, householdId: string, size: number): MemberSeed[] {
  const { rng, nowYear } = ctx;
  const home = shared(ctx, householdId);
  const headSex = rng.chance(0.5) ? 'M' : 'F';
  const headYear =
    size > 2 ? rng.int(nowYear - 72, nowYear - 48) : rng.int(nowYear - 70, nowYear - 22);
  const partnerYear = Math.min(nowYear - 20, headYear + rng.int(-5, 5));
  const head: MemberSeed = { ...home, sex: headSex, birthDate: ctx.attributes.birthDate(headYear) };
  const partner: MemberSeed = {
    ...home,
    sex: headSex === 'M' ? 'F' : 'M',
    birthDate: ctx.attributes.birthDate(partnerYear),
  };
  const father = headSex === 'M' ? head : partner;
  const fatherFamily = drawSurname(rng)[0];
  father.family = fatherFamily;
  const motherYear = headSex === 'M' ? partnerYear : headYear;
  const children: MemberSeed[] = [];
  for (let i = 2; i < size; i++) {
    const year = Math.min(nowYear - 18, motherYear + rng.int(22, 34));
    const sex = rng.chance(0.5) ? 'M' : 'F';
    children.push({
      ...home,
      sex,
      family: fatherFamily,
      birthDate: ctx.attributes.birthDate(year),
    });
  }
  return [head, partner, ...children];
}

/** Same surname, birth date and home; different given names (often sharing a character). */
function twins(ctx: PersonContext, householdId: string): MemberSeed[] {
  const { rng } = ctx;
  const home = shared(ctx, householdId);
  const family = drawSurname(rng)[0];
  const birthDate = ctx.attributes.birthDate(rng.int(ctx.nowYear - 60, ctx.nowYear - 18));
  const sexes = [rng.chance(0.5) ? 'M' : 'F', rng.chance(0.5) ? 'M' : 'F'] as const;
  const first = drawGivenName(rng, sexes[0]);
  let second = first;
  while (second === first) {
    second = drawGivenName(rng, sexes[1]);
    if (rng.chance(0.5) && first.length === 2 && second.length === 2)
      second = first.charAt(0) + second.charAt(1);
  }
  const idRegion = home.address.region;
  return [
    { ...home, sex: sexes[0], family, birthDate, given: first, twin: true, idRegion },
    { ...home, sex: sexes[1], family, birthDate, given: second, twin: true, idRegion },
  ];
}
