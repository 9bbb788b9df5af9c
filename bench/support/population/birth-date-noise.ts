import { daysInMonth, pad } from './person-attributes.js';
import { PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { RecordContext } from './record-draft.js';

/** The birth date as a creditor's form has it: a digit wrong, or day and month swapped. */
export function birthDateAsTyped(ctx: RecordContext, birthDate: string): string {
  if (ctx.rng.chance(RATES.birthDateTypo)) {
    const typo = digitTypo(ctx, birthDate);
    if (typo !== undefined) {
      ctx.counts.add('birthDateTypos');
      return typo;
    }
  }
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  if (day <= 12 && day !== month && ctx.rng.chance(RATES.dayMonthTransposition)) {
    ctx.counts.add('dayMonthTranspositions');
    return `${year}-${pad(day)}-${pad(month)}`;
  }
  return birthDate;
}

// Only typos that still make a valid, past date: a form's validation would reject the others.
function digitTypo(ctx: RecordContext, birthDate: string): string | undefined {
  const today = new Date(ctx.nowMs).toISOString().slice(0, 10);
  const positions = [0, 1, 2, 3, 5, 6, 8, 9];
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = ctx.rng.pick(positions);
    const digit = String(ctx.rng.int(0, 9));
    if (birthDate.charAt(at) === digit) continue;
    const candidate = birthDate.slice(0, at) + digit + birthDate.slice(at + 1);
    const [year, month, day] = candidate.split('-').map(Number) as [number, number, number];
    const valid =
      year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    if (valid && candidate <= today) return candidate;
  }
  return undefined;
}
