import { strict as assert } from 'node:assert';
import { localDateTime, zonedInstant } from '../../../src/relay/policy/zoned-time.js';

const NEW_YORK = 'America/New_York';

describe('zoned time', () => {
  it('when a wall time exists once, then it maps to its instant on either side of a DST change', () => {
    assert.equal(
      zonedInstant(NEW_YORK, { year: 2026, month: 3, day: 7 }, 8 * 60).toISOString(),
      '2026-03-07T13:00:00.000Z',
    );
    assert.equal(
      zonedInstant(NEW_YORK, { year: 2026, month: 3, day: 8 }, 8 * 60).toISOString(),
      '2026-03-08T12:00:00.000Z',
    );
    assert.equal(
      zonedInstant(NEW_YORK, { year: 2026, month: 11, day: 1 }, 8 * 60).toISOString(),
      '2026-11-01T13:00:00.000Z',
    );
    assert.equal(
      zonedInstant('Asia/Shanghai', { year: 2026, month: 6, day: 16 }, 0).toISOString(),
      '2026-06-15T16:00:00.000Z',
    );
  });

  it('when a wall time falls in the spring-forward gap, then it is read with the offset before the gap', () => {
    assert.equal(
      zonedInstant(NEW_YORK, { year: 2026, month: 3, day: 8 }, 150).toISOString(),
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('when a wall time repeats at fall-back, then the first occurrence is chosen, west or east of UTC', () => {
    assert.equal(
      zonedInstant(NEW_YORK, { year: 2026, month: 11, day: 1 }, 90).toISOString(),
      '2026-11-01T05:30:00.000Z',
    );
    assert.equal(
      zonedInstant('Europe/Berlin', { year: 2026, month: 10, day: 25 }, 150).toISOString(),
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('when midnight is read, then the hour is 0, never 24', () => {
    assert.equal(localDateTime(new Date('2026-06-15T16:00:00Z'), 'Asia/Shanghai').hour, 0);
  });
});
