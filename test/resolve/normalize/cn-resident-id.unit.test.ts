import { strict as assert } from 'node:assert';
import {
  crossCheckBirthDate,
  parseCnResidentId,
} from '../../../src/resolve/normalize/cn-resident-id.js';

const NOW = new Date('2025-06-15T12:00:00Z');

// The check digit worked out as GB 11643 tabulates it, independently of the code under test.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_FOR_REMAINDER = '10X98765432';
function withCheckDigit(first17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return first17 + CHECK_FOR_REMAINDER[sum % 11];
}

// The standard's own (fictitious) example: Beijing Chaoyang, born 1949-12-31, sequence 002.
const PUBLIC_EXAMPLE = '11010519491231002X';
const SYNTHETIC_MALE = withCheckDigit('11010119900307123');
const SYNTHETIC_FEMALE = withCheckDigit('44030419851012344');

function parsed(raw: string, now = NOW) {
  const result = parseCnResidentId(raw, now);
  assert.ok(result.ok, `expected ${raw} to parse, got ${result.ok ? '' : result.reason}`);
  return result.value;
}

function rejection(raw: string, now = NOW): string {
  const result = parseCnResidentId(raw, now);
  assert.ok(!result.ok, `expected ${raw} to be rejected`);
  return result.reason;
}

describe('parseCnResidentId', () => {
  it('the hand-computed check digit of the public example 11010519491231002 is X', () => {
    assert.equal(withCheckDigit('11010519491231002'), PUBLIC_EXAMPLE);
  });

  it('when an 18-character id is valid, then birth date, sex and region are derived from it', () => {
    assert.deepEqual(parsed(PUBLIC_EXAMPLE), {
      id18: PUBLIC_EXAMPLE,
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
    });
    assert.deepEqual(parsed(SYNTHETIC_MALE), {
      id18: SYNTHETIC_MALE,
      birthDate: '1990-03-07',
      sex: 'M',
      regionCode: '110101',
    });
  });

  it('the 17th digit decides the sex: odd is male, even (including 0) is female', () => {
    assert.equal(parsed(SYNTHETIC_FEMALE).sex, 'F');
    assert.equal(parsed(withCheckDigit('44030419851012340')).sex, 'F');
    assert.equal(parsed(withCheckDigit('44030419851012349')).sex, 'M');
  });

  it('accepts a lower-case x, spaces and full-width digits, and canonicalizes them away', () => {
    assert.equal(parsed('11010519491231002x').id18, PUBLIC_EXAMPLE);
    assert.equal(parsed(' 110105 19491231 002X ').id18, PUBLIC_EXAMPLE);
    assert.equal(parsed('１１０１０５１９４９１２３１００２Ｘ').id18, PUBLIC_EXAMPLE);
  });

  it('when the check character is wrong, then BAD_CHECK_DIGIT, for every wrong character', () => {
    for (const wrong of '0123456789') {
      assert.equal(rejection(PUBLIC_EXAMPLE.slice(0, 17) + wrong), 'BAD_CHECK_DIGIT', wrong);
    }
    assert.equal(rejection(SYNTHETIC_MALE.slice(0, 17) + 'X'), 'BAD_CHECK_DIGIT');
  });

  it('when any one digit is mistyped, then the check digit catches it', () => {
    for (let i = 0; i < 17; i++) {
      const digit = Number(SYNTHETIC_MALE[i]);
      const typo =
        SYNTHETIC_MALE.slice(0, i) + String((digit + 1) % 10) + SYNTHETIC_MALE.slice(i + 1);
      assert.equal(rejection(typo), 'BAD_CHECK_DIGIT', `position ${i}`);
    }
  });

  it('when two adjacent different digits are swapped, then the check digit catches it', () => {
    const swapped = SYNTHETIC_MALE.slice(0, 6) + '91' + SYNTHETIC_MALE.slice(8);
    assert.equal(SYNTHETIC_MALE.slice(6, 8), '19');
    assert.equal(rejection(swapped), 'BAD_CHECK_DIGIT');
  });

  it('when the length is neither 15 nor 18, then BAD_LENGTH', () => {
    for (const raw of ['', '1101051949123100', PUBLIC_EXAMPLE.slice(0, 17), PUBLIC_EXAMPLE + '1']) {
      assert.equal(rejection(raw), 'BAD_LENGTH', `length ${raw.length}`);
    }
  });

  it('when a character is not a digit (or X in last place of 18), then BAD_CHARACTERS', () => {
    assert.equal(rejection('11010519491231002Y'), 'BAD_CHARACTERS');
    assert.equal(rejection('110105-19491231-002X'), 'BAD_CHARACTERS');
    assert.equal(rejection('1101051949123100X2'), 'BAD_CHARACTERS');
    assert.equal(rejection('11010549123100X'), 'BAD_CHARACTERS');
  });

  it('when the first two digits are not a province code, then BAD_REGION', () => {
    for (const prefix of ['00', '10', '16', '24', '47', '55', '66', '72', '84', '99']) {
      assert.equal(rejection(withCheckDigit(`${prefix}010119900307123`)), 'BAD_REGION', prefix);
    }
  });

  it('accepts Hong Kong, Macao and Taiwan codes used by residence permits', () => {
    for (const prefix of ['81', '82', '83']) {
      assert.equal(parsed(withCheckDigit(`${prefix}000019900307123`)).regionCode, `${prefix}0000`);
    }
  });

  it('when the birth date is not a calendar date, then BAD_BIRTH_DATE', () => {
    for (const date of ['19901301', '19900230', '19900431', '19900001', '19900100', '19010229']) {
      assert.equal(rejection(withCheckDigit(`110101${date}123`)), 'BAD_BIRTH_DATE', date);
    }
  });

  it('accepts 29 February of a leap year', () => {
    assert.equal(parsed(withCheckDigit('11010120000229123')).birthDate, '2000-02-29');
  });

  it('when the birth date is before 1900 or in the future, then BAD_BIRTH_DATE', () => {
    assert.equal(rejection(withCheckDigit('11010118991231123')), 'BAD_BIRTH_DATE');
    assert.equal(rejection(withCheckDigit('11010120250616123')), 'BAD_BIRTH_DATE');
    assert.equal(parsed(withCheckDigit('11010120250615123')).birthDate, '2025-06-15');
  });

  it('judges "future" by the date in China (UTC+8), where the card is issued', () => {
    const bornJustAfterMidnightInBeijing = withCheckDigit('11010120250616123');
    assert.equal(
      rejection(bornJustAfterMidnightInBeijing, new Date('2025-06-15T15:59:00Z')),
      'BAD_BIRTH_DATE',
    );
    assert.equal(
      parsed(bornJustAfterMidnightInBeijing, new Date('2025-06-15T16:00:00Z')).birthDate,
      '2025-06-16',
    );
  });
});

describe('parseCnResidentId with a 15-digit first-generation id', () => {
  it('upgrades the public example 110105491231002 to 11010519491231002X', () => {
    assert.deepEqual(parsed('110105491231002'), {
      id18: PUBLIC_EXAMPLE,
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
    });
  });

  it('inserts 19 before the year and appends the computed check digit', () => {
    assert.equal(parsed('440304851012345').id18, withCheckDigit('44030419851012345'));
    assert.equal(parsed('110101900307123').id18, SYNTHETIC_MALE);
  });

  it('takes the sex from the last digit, which becomes the 17th', () => {
    assert.equal(parsed('440304851012345').sex, 'M');
    assert.equal(parsed('440304851012344').sex, 'F');
  });

  it('when its date or region is impossible, then it is rejected like an 18-character id', () => {
    assert.equal(rejection('110105491331002'), 'BAD_BIRTH_DATE');
    assert.equal(rejection('110105490229002'), 'BAD_BIRTH_DATE');
    assert.equal(rejection('990105491231002'), 'BAD_REGION');
  });
});

describe('crossCheckBirthDate', () => {
  const derived = { birthDate: '1990-03-07' };

  it('when the record agrees at the precision it has, then consistent', () => {
    for (const record of ['1990-03-07', '1990-03', '1990']) {
      assert.equal(crossCheckBirthDate(derived, record), 'consistent', record);
    }
  });

  it('when the record disagrees, even by one digit, then conflict', () => {
    for (const record of ['1990-03-08', '1990-07-03', '1990-04', '1991', '1985-11-20']) {
      assert.equal(crossCheckBirthDate(derived, record), 'conflict', record);
    }
  });

  it('when the record date cannot be read, then unknown', () => {
    for (const record of ['', 'unknown', '07/03/1990', '1990-02-30']) {
      assert.equal(crossCheckBirthDate(derived, record), 'unknown', record);
    }
  });

  it('accepts a parsed id as the derived side', () => {
    assert.equal(crossCheckBirthDate(parsed(PUBLIC_EXAMPLE), '1949-12'), 'consistent');
  });
});
