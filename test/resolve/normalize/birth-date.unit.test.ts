import { strict as assert } from 'node:assert';
import {
  compareBirthDates,
  formatPartialDate,
  parseBirthDate,
} from '../../../src/resolve/normalize/birth-date.js';
import type { PartialDate } from '../../../src/resolve/normalize/birth-date.js';

const NOW = new Date('2025-06-15T12:00:00Z');

function date(raw: string): PartialDate {
  const parsed = parseBirthDate(raw);
  assert.ok(parsed.ok, `${raw} should parse`);
  return parsed.value;
}

describe('parseBirthDate', () => {
  it('parses a full date, a year and month, and a year alone', () => {
    assert.deepEqual(parseBirthDate('1990-03-07'), {
      ok: true,
      value: { year: 1990, month: 3, day: 7 },
    });
    assert.deepEqual(parseBirthDate('1990-03'), { ok: true, value: { year: 1990, month: 3 } });
    assert.deepEqual(parseBirthDate(' 1990 '), { ok: true, value: { year: 1990 } });
  });

  it('when the shape is not YYYY, YYYY-MM or YYYY-MM-DD, then BAD_FORMAT', () => {
    for (const raw of [
      '',
      '90',
      '19900307',
      '1990/03/07',
      '1990-3-7',
      '07-03-1990',
      '1990-03-07T00:00',
    ]) {
      assert.deepEqual(parseBirthDate(raw), { ok: false, reason: 'BAD_FORMAT' }, raw);
    }
  });

  it('when the date is not on the calendar, then BAD_DATE', () => {
    for (const raw of [
      '1990-13',
      '1990-00',
      '1990-02-30',
      '1990-04-31',
      '1990-01-00',
      '1900-02-29',
    ]) {
      assert.deepEqual(parseBirthDate(raw), { ok: false, reason: 'BAD_DATE' }, raw);
    }
  });

  it('accepts 29 February in leap years only', () => {
    assert.equal(parseBirthDate('2000-02-29').ok, true);
    assert.equal(parseBirthDate('1996-02-29').ok, true);
    assert.equal(parseBirthDate('1997-02-29').ok, false);
  });

  it('when the year is before 1900, then TOO_EARLY', () => {
    assert.deepEqual(parseBirthDate('1899-12-31'), { ok: false, reason: 'TOO_EARLY' });
    assert.equal(parseBirthDate('1900-01-01').ok, true);
  });

  it('when given now, then a date that has not begun is IN_FUTURE, at the precision given', () => {
    assert.deepEqual(parseBirthDate('2025-06-16', NOW), { ok: false, reason: 'IN_FUTURE' });
    assert.deepEqual(parseBirthDate('2025-07', NOW), { ok: false, reason: 'IN_FUTURE' });
    assert.deepEqual(parseBirthDate('2026', NOW), { ok: false, reason: 'IN_FUTURE' });
    assert.equal(parseBirthDate('2025-06-15', NOW).ok, true);
    assert.equal(parseBirthDate('2025-06', NOW).ok, true);
    assert.equal(parseBirthDate('2025', NOW).ok, true);
    assert.equal(parseBirthDate('2030-01-01').ok, true, 'without now, no future check');
  });
});

describe('formatPartialDate', () => {
  it('zero-pads each part it has', () => {
    assert.equal(formatPartialDate({ year: 1990, month: 3, day: 7 }), '1990-03-07');
    assert.equal(formatPartialDate({ year: 1990, month: 3 }), '1990-03');
    assert.equal(formatPartialDate({ year: 1990 }), '1990');
  });
});

describe('compareBirthDates', () => {
  const cases: [string, string, string][] = [
    ['1990-03-07', '1990-03-07', 'exact'],
    ['1990-03-07', '1990-03', 'compatible'],
    ['1990', '1990-03-07', 'compatible'],
    ['1990', '1990', 'compatible'],
    ['1990-03-07', '1990-03-01', 'close'],
    ['1990-03-07', '1980-03-07', 'close'],
    ['1990-03-07', '1990-07-03', 'close'],
    ['1990-03', '1990-08-07', 'close'],
    ['1990-03-07', '1990-03-17', 'close'],
    ['1990-03-07', '1991-04-07', 'incompatible'],
    ['1990-03-07', '1985-11-20', 'incompatible'],
    ['1990-03', '1990-11', 'incompatible'],
    ['1990', '1985', 'incompatible'],
  ];
  for (const [a, b, expected] of cases) {
    it(`${a} against ${b} is ${expected}, in either order`, () => {
      assert.equal(compareBirthDates(date(a), date(b)), expected);
      assert.equal(compareBirthDates(date(b), date(a)), expected);
    });
  }

  it('when either date is absent, then missing', () => {
    assert.equal(compareBirthDates(undefined, date('1990')), 'missing');
    assert.equal(compareBirthDates(date('1990'), undefined), 'missing');
  });

  it('when day and month are swapped in different years, then it is not close', () => {
    assert.equal(compareBirthDates(date('1990-03-07'), date('1991-07-03')), 'incompatible');
  });
});
