import type { Random } from './mulberry32.js';

// Mobile prefixes every libphonenumber metadata version accepts as CN mobile ranges; the data-only
// and satellite ranges (14x, 174, 1349) are left out because normalization would reject them.
const MOBILE_PREFIXES = (
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 ' +
  '175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 195 198 199'
).split(' ');

/** Hands out each synthetic number once, so no two persons share one unless a test says so. */
export class PhoneNumbers {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  mobile(): string {
    for (;;) {
      const e164 = `+86${this.rng.pick(MOBILE_PREFIXES)}${this.rng.digits(8)}`;
      if (this.claim(e164)) return e164;
    }
  }

  /** An eight-digit local number in the area, first digit 2–8 as CN fixed lines are. */
  landline(areaCode: string): string {
    for (;;) {
      const e164 = `+86${areaCode}${this.rng.int(2, 8)}${this.rng.digits(7)}`;
      if (this.claim(e164)) return e164;
    }
  }

  private claim(e164: string): boolean {
    if (this.used.has(e164)) return false;
    this.used.add(e164);
    return true;
  }
}

/** How a creditor's clerk types a CN mobile: 138 1234 5678, without the country code. */
export function nationalFormat(e164: string): string {
  const national = e164.replace(/^\+86/, '');
  return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
}
