import { strict as assert } from 'node:assert';
import { mod11_2CheckCharacter } from '../../../src/resolve/normalize/iso7064.js';

describe('mod11_2CheckCharacter', () => {
  it('gives X for the GB 11643 example 11010519491231002', () => {
    assert.equal(mod11_2CheckCharacter('11010519491231002'), 'X');
  });

  it('gives the ISO 7064 example check character of 0794 (0)', () => {
    assert.equal(mod11_2CheckCharacter('0794'), '0');
  });

  it('makes the weighted sum of the digits and the check value 1 mod 11', () => {
    for (const digits of ['11010119900307123', '44030419851012345', '00000000000000000', '9']) {
      const check = mod11_2CheckCharacter(digits);
      const all = digits + check;
      let sum = 0;
      for (let i = 0; i < all.length; i++) {
        const value = all[i] === 'X' ? 10 : Number(all[i]);
        sum += value * (2 ** (all.length - 1 - i) % 11);
      }
      assert.equal(sum % 11, 1, digits);
    }
  });
});
