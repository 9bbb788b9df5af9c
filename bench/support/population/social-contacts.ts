import { roundTo } from '../round-to.js';
import type { Random } from './mulberry32.js';
import type { PhoneHistory } from './phone-histories.js';
import type { PhoneNumbers } from './phone-numbers.js';
import type { SyntheticPerson } from './synthetic-person.js';

/** Someone the person calls often: another person of the population, or an outsider. */
export interface FrequentContact {
  e164: string;
  weight: number;
}

export interface SocialContext {
  rng: Random;
  phones: PhoneNumbers;
}

/**
 * Household members, a few other persons of the population and a few outsiders (numbers no
 * person holds, shared between people as real acquaintances are). A person's own numbers, past
 * or present, are never among their contacts.
 */
export function assignContacts(
  ctx: SocialContext,
  persons: readonly SyntheticPerson[],
  histories: ReadonlyMap<string, PhoneHistory>,
): Map<string, FrequentContact[]> {
  const { rng } = ctx;
  const outsiders: string[] = [];
  const byHousehold = new Map<string, SyntheticPerson[]>();
  for (const p of persons) {
    if (p.householdId === undefined) continue;
    byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p]);
  }
  const currentOf = (p: SyntheticPerson) => histories.get(p.id)?.current;

  const contacts = new Map<string, FrequentContact[]>();
  for (const p of persons) {
    const history = histories.get(p.id);
    const own = new Set([history?.current, history?.previous?.e164, p.landline]);
    const chosen = new Map<string, number>();
    const add = (e164: string | undefined, weight: number) => {
      if (e164 !== undefined && !own.has(e164) && !chosen.has(e164))
        chosen.set(e164, roundTo(weight, 2));
    };
    for (const member of byHousehold.get(p.householdId ?? '') ?? []) {
      if (member.id !== p.id) add(currentOf(member), 0.7 + 0.3 * rng.float());
    }
    for (let i = rng.int(1, 4); i > 0; i--) {
      const other = rng.pick(persons);
      if (other.id !== p.id) add(currentOf(other), 0.3 + 0.6 * rng.float());
    }
    for (let i = rng.int(0, 3); i > 0; i--) {
      const reuse = outsiders.length > 0 && rng.chance(0.5);
      const outsider = reuse ? rng.pick(outsiders) : ctx.phones.mobile();
      if (!reuse) outsiders.push(outsider);
      add(outsider, 0.2 + 0.6 * rng.float());
    }
    contacts.set(
      p.id,
      [...chosen].map(([e164, weight]) => ({ e164, weight })),
    );
  }
  return contacts;
}

