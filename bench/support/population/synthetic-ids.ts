import { mod11_2CheckCharacter } from '../../../src/resolve/normalize/iso7064.js';
import type { Random } from './mulberry32.js';

/**
 * Unique, well-formed identifiers. Resident ids follow GB 11643: region code, birth date, a
 * three-digit sequence whose parity is the sex (odd male), and the MOD 11-2 check character.
 */
export class SyntheticIds {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  residentId(regionCode: string, birthDate: string, sex: 'M' | 'F'): string {
    const born = birthDate.replaceAll('-', '');
    for (;;) {
      const sequence = this.rng.int(0, 499) * 2 + (sex === 'M' ? 1 : 0);
      const first17 = `${regionCode}${born}${String(sequence).padStart(3, '0')}`;
      const id = first17 + mod11_2CheckCharacter(first17);
      if (this.claim(id)) return id;
    }
  }

  passport(): string {
    for (;;) {
      const id = `${'EGKPX'.charAt(this.rng.int(0, 4))}${this.rng.digits(8)}`;
      if (this.claim(id)) return id;
    }
  }

  /** `prefix` plus `length` digits, unique across everything this instance issued. */
  recordId(prefix: string, length: number): string {
    for (;;) {
      const id = `${prefix}${this.rng.digits(length)}`;
      if (this.claim(id)) return id;
    }
  }

  private claim(id: string): boolean {
    if (this.used.has(id)) return false;
    this.used.add(id);
    return true;
  }
}

/** The 15-digit first-generation form of an id of someone born in the 1900s: no century, no check. */
export function legacyResidentId(id18: string): string | undefined {
  if (id18.slice(6, 8) !== '19') return undefined;
  return id18.slice(0, 6) + id18.slice(8, 17);
}
