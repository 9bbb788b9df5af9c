import { STREETS } from './cn-regions.js';
import type { CnRegion } from './cn-regions.js';
import type { Random } from './mulberry32.js';
import type { SyntheticAddress } from './synthetic-person.js';

const EMPLOYER_NAMES = '华信 中远 恒通 天成 瑞丰 金桥 新元 宏达 博远 长青 东方 鼎盛'.split(' ');
const EMPLOYER_KINDS = [
  '科技有限公司',
  '贸易有限公司',
  '建设集团有限公司',
  '物流有限公司',
  '餐饮管理有限公司',
  '医药有限公司',
];
// RFC 2606 reserved domains: synthetic addresses must never reach a real mailbox.
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

/** Dates, addresses, employers and emails, each unique where real ones are. */
export class PersonAttributes {
  private readonly addresses = new Set<string>();
  private readonly emails = new Set<string>();

  /**
   * With `postcodesPerCity` above 1, each address falls in one of that many delivery areas of its
   * city (the district's postcode with other last two digits): a population of a million spread over
   * twelve postcodes would put thousands of records behind every postcode-and-surname key.
   */
  constructor(
    private readonly rng: Random,
    private readonly postcodesPerCity = 1,
  ) {
    if (!Number.isInteger(postcodesPerCity) || postcodesPerCity < 1 || postcodesPerCity > 100)
      throw new RangeError('postcodesPerCity must be a whole number from 1 to 100, e.g. 100');
  }

  birthDate(year: number): string {
    const month = this.rng.int(1, 12);
    const day = this.rng.int(1, daysInMonth(year, month));
    return `${year}-${pad(month)}-${pad(day)}`;
  }

  address(district: CnRegion): SyntheticAddress {
    const region = this.deliveryArea(district);
    for (;;) {
      const address = {
        region,
        street: this.rng.pick(STREETS),
        number: this.rng.int(1, 300),
        building: this.rng.int(1, 30),
        unit: this.rng.int(1, 6),
        room: this.rng.int(1, 30) * 100 + this.rng.int(1, 4),
      };
      const key = `${region.code}|${address.street}|${address.number}|${address.building}|${address.unit}|${address.room}`;
      if (!this.addresses.has(key)) {
        this.addresses.add(key);
        return address;
      }
    }
  }

  // Draws nothing with a single area per city, so a seed gives the population it always gave.
  private deliveryArea(district: CnRegion): CnRegion {
    if (this.postcodesPerCity === 1) return district;
    const area = String(this.rng.int(0, this.postcodesPerCity - 1)).padStart(2, '0');
    return { ...district, postcode: district.postcode.slice(0, 4) + area };
  }

  employer(): string {
    return this.rng.pick(EMPLOYER_NAMES) + this.rng.pick(EMPLOYER_KINDS);
  }

  /** `given.family` in pinyin or, for a quarter of people, a numeric handle as QQ users have. */
  email(givenLatin: string, familyLatin: string): string {
    const numeric = this.rng.chance(0.25);
    for (let attempt = 0; ; attempt++) {
      // Common names exhaust the short suffixes; longer ones always leave room.
      const suffix =
        attempt < 10 ? (this.rng.chance(0.5) ? this.rng.int(1, 99) : '') : this.rng.int(100, 99999);
      const local = numeric
        ? this.rng.digits(9).replace(/^0/, '1')
        : `${givenLatin}.${familyLatin}${suffix}`;
      const email = `${local}@${this.rng.pick(EMAIL_DOMAINS)}`.toLowerCase();
      if (!this.emails.has(email)) {
        this.emails.add(email);
        return email;
      }
    }
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
