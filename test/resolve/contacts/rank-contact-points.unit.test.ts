import { strict as assert } from 'node:assert';
import { DEFAULT_CONTACT_POLICY } from '../../../src/resolve/contacts/contact-policy.js';
import type { ContactPoint, ContactRanking } from '../../../src/resolve/contacts/contact-point.js';
import { rankContactPoints } from '../../../src/resolve/contacts/rank-contact-points.js';
import type { MatchableRecord } from '../../../src/resolve/matchable-record.js';
import { NOW, PHONE_A, PHONE_B, PHONE_C, daysAgo, phone, record } from './contact-records.js';

function rank(records: MatchableRecord[], superseded: string[] = []): ContactRanking {
  return rankContactPoints({
    records,
    supersededPhones: new Set(superseded),
    now: NOW,
    policy: DEFAULT_CONTACT_POLICY,
  });
}

function contact(ranking: ContactRanking, value: string): ContactPoint {
  const found = ranking.contacts.find((c) => c.value === value);
  assert.ok(found, 'expected the contact to be listed');
  return found;
}

describe('rankContactPoints', () => {
  describe('recency and trust', () => {
    it('a trusted number loses half its score every half-life', () => {
      const ranking = rank([
        record('demo-telco', [phone(PHONE_A, 'active', 0), phone(PHONE_B, 'active', 90)]),
      ]);
      assert.ok(
        Math.abs(contact(ranking, PHONE_B).score / contact(ranking, PHONE_A).score - 0.5) < 1e-9,
      );
    });

    it('a month-old telecom number still beats a fresh creditor one', () => {
      const ranking = rank([
        record('demo-telco', [phone(PHONE_A, 'active', 30)]),
        record('demo-creditor', [phone(PHONE_B, 'active', 0)]),
      ]);
      assert.equal(ranking.best?.value, PHONE_A);
    });

    it('after two half-lives a fresh number from a less trusted source wins', () => {
      const ranking = rank([
        record('demo-telco', [phone(PHONE_A, 'active', 200)]),
        record('demo-creditor', [phone(PHONE_B, 'active', 0)]),
      ]);
      assert.equal(ranking.best?.value, PHONE_B);
    });

    it('recency is taken from the newest sighting by any source', () => {
      const ranking = rank([
        record('demo-creditor', [phone(PHONE_A, 'active', 0)]),
        record('demo-telco', [phone(PHONE_A, 'active', 400)]),
      ]);
      const point = contact(ranking, PHONE_A);
      assert.equal(point.lastSeenAtMs, daysAgo(0));
      assert.equal(point.firstSeenAtMs, daysAgo(400));
    });

    it('a sighting dated in the future counts as now, not as a bonus', () => {
      const future = rank([record('demo-telco', [phone(PHONE_A, 'active', -10)])]);
      const today = rank([record('demo-telco', [phone(PHONE_A, 'active', 0)])]);
      assert.equal(contact(future, PHONE_A).score, contact(today, PHONE_A).score);
    });
  });

  describe('corroboration', () => {
    it('a number two independent sources agree on beats one only the telecom reports', () => {
      const ranking = rank([
        record('demo-telco', [phone(PHONE_A, 'active', 10), phone(PHONE_B, 'active', 10)]),
        record('demo-creditor', [phone(PHONE_B, 'active', 10)]),
      ]);
      assert.equal(ranking.best?.value, PHONE_B);
      assert.equal(ranking.best?.corroboration, 2);
      assert.deepEqual(ranking.best?.sources, ['demo-creditor', 'demo-telco']);
    });

    it('two records of the same source are not independent: they score like one', () => {
      const once = rank([record('demo-creditor', [phone(PHONE_A, 'active', 10)])]);
      const twice = rank([
        record('demo-creditor', [phone(PHONE_A, 'active', 10)]),
        record('demo-creditor', [phone(PHONE_A, 'active', 10)]),
      ]);
      assert.equal(contact(twice, PHONE_A).corroboration, 1);
      assert.equal(contact(twice, PHONE_A).score, contact(once, PHONE_A).score);
    });
  });

  describe('verification', () => {
    it('a verified number beats an otherwise equal unverified one', () => {
      const ranking = rank([
        record('demo-creditor', [phone(PHONE_A, 'active', 10), phone(PHONE_B, 'active', 10, 10)]),
      ]);
      assert.equal(ranking.best?.value, PHONE_B);
      assert.equal(ranking.best?.verified, true);
      assert.equal(contact(ranking, PHONE_A).verified, false);
    });

    it('a recent verification counts more than an old one', () => {
      const ranking = rank([
        record('demo-creditor', [
          phone(PHONE_A, 'active', 10, 700),
          phone(PHONE_B, 'active', 10, 10),
        ]),
      ]);
      assert.ok(contact(ranking, PHONE_B).score > contact(ranking, PHONE_A).score);
    });
  });

  describe('status', () => {
    for (const status of ['disconnected', 'reassigned'] as const) {
      it(`a ${status} number is listed as not reachable and never best, however fresh`, () => {
        const ranking = rank([
          record('demo-telco', [phone(PHONE_A, status, 0, 0)]),
          record('demo-creditor', [phone(PHONE_B, 'unknown', 100)]),
        ]);
        assert.equal(ranking.best?.value, PHONE_B);
        const barred = contact(ranking, PHONE_A);
        assert.deepEqual([barred.status, barred.reachable, barred.score], [status, false, 0]);
      });
    }

    it('a superseded number is never best, even where the own records still say active', () => {
      const ranking = rank(
        [record('demo-telco', [phone(PHONE_A, 'active', 0, 0), phone(PHONE_B, 'active', 300)])],
        [PHONE_A],
      );
      assert.equal(ranking.best?.value, PHONE_B);
      const superseded = contact(ranking, PHONE_A);
      assert.deepEqual(
        [superseded.status, superseded.reachable, superseded.score],
        ['reassigned', false, 0],
      );
    });

    it('the newest status report wins: active (creditor, 2023) then disconnected (telecom, 2024)', () => {
      const ranking = rank([
        record('demo-creditor', [phone(PHONE_A, 'active', 400)]),
        record('demo-telco', [phone(PHONE_A, 'disconnected', 100)]),
      ]);
      assert.equal(contact(ranking, PHONE_A).status, 'disconnected');
      assert.equal(ranking.best, null);
    });

    it('a number reported active after it was disconnected is active again', () => {
      const ranking = rank([
        record('demo-telco', [phone(PHONE_A, 'disconnected', 400)]),
        record('demo-creditor', [phone(PHONE_A, 'active', 10)]),
      ]);
      assert.equal(contact(ranking, PHONE_A).status, 'active');
      assert.equal(ranking.best?.value, PHONE_A);
    });

    it('a newer "unknown" is no report and does not override a real status', () => {
      const ranking = rank([
        record('demo-telco', [phone(PHONE_A, 'disconnected', 100)]),
        record('demo-creditor', [phone(PHONE_A, 'unknown', 0)]),
      ]);
      assert.equal(contact(ranking, PHONE_A).status, 'disconnected');
    });

    it('two reports at the same instant: the graver one wins', () => {
      const ranking = rank([
        record('demo-creditor', [phone(PHONE_A, 'active', 5)]),
        record('demo-telco', [phone(PHONE_A, 'disconnected', 5)]),
      ]);
      assert.equal(contact(ranking, PHONE_A).status, 'disconnected');
    });

    it('an inactive number is strongly penalized but still reachable when it is all there is', () => {
      const withOther = rank([
        record('demo-telco', [phone(PHONE_A, 'inactive', 0)]),
        record('demo-creditor', [phone(PHONE_B, 'unknown', 90)]),
      ]);
      assert.equal(withOther.best?.value, PHONE_B);
      const alone = rank([record('demo-telco', [phone(PHONE_A, 'inactive', 0)])]);
      assert.equal(alone.best?.value, PHONE_A);
    });
  });

  describe('reachability', () => {
    it('a best phone seen exactly staleAfterDays ago is still reachable', () => {
      const ranking = rank([record('demo-telco', [phone(PHONE_A, 'active', 180)])]);
      assert.equal(ranking.reachability, 'reachable');
    });

    it('a best phone seen one millisecond before that is stale', () => {
      const r = record('demo-telco', [
        { e164: PHONE_A, status: 'active', lastSeenAtMs: daysAgo(180) - 1 },
      ]);
      const ranking = rank([r]);
      assert.equal(ranking.best?.value, PHONE_A);
      assert.equal(ranking.reachability, 'stale');
    });

    it('a number below minReachableScore is listed but leaves the person unreachable', () => {
      const ranking = rank([record('demo-creditor', [phone(PHONE_A, 'active', 3 * 365)])]);
      assert.equal(contact(ranking, PHONE_A).reachable, false);
      assert.deepEqual([ranking.best, ranking.reachability], [null, 'unreachable']);
    });

    it('with only barred numbers and emails nobody is reachable: an email is never best', () => {
      const ranking = rank([
        record('demo-telco', [phone(PHONE_A, 'disconnected', 1)]),
        record('demo-creditor', [], { emails: ['wang.wei@example.com'], observedAtMs: daysAgo(1) }),
      ]);
      assert.deepEqual([ranking.best, ranking.reachability], [null, 'unreachable']);
      const email = contact(ranking, 'wang.wei@example.com');
      assert.deepEqual([email.kind, email.status, email.reachable], ['email', 'email', true]);
    });
  });

  describe('order', () => {
    it('equal scores are ordered by value, whatever the record order', () => {
      const a = record('demo-creditor', [
        phone(PHONE_C, 'active', 10),
        phone(PHONE_A, 'active', 10),
      ]);
      const b = record('demo-creditor', [phone(PHONE_B, 'active', 10)]);
      const values = (ranking: ContactRanking) => ranking.contacts.map((c) => c.value);
      assert.deepEqual(values(rank([a, b])), [PHONE_A, PHONE_B, PHONE_C]);
      assert.deepEqual(values(rank([b, a])), [PHONE_A, PHONE_B, PHONE_C]);
    });

    it('barred numbers come last', () => {
      const ranking = rank([
        record('demo-telco', [phone(PHONE_A, 'reassigned', 0), phone(PHONE_B, 'active', 500)]),
      ]);
      assert.deepEqual(
        ranking.contacts.map((c) => c.value),
        [PHONE_B, PHONE_A],
      );
    });
  });

  describe('policy', () => {
    it('rejects a non-positive half-life, saying what a good value is and naming no number', () => {
      assert.throws(
        () =>
          rankContactPoints({
            records: [record('demo-telco', [phone(PHONE_A, 'active', 0)])],
            supersededPhones: new Set(),
            now: NOW,
            policy: { ...DEFAULT_CONTACT_POLICY, halfLifeDays: 0 },
          }),
        (error: unknown) =>
          error instanceof RangeError &&
          /halfLifeDays.*e\.g\. 90/.test(error.message) &&
          !error.message.includes('138'),
      );
    });

    it('a longer half-life keeps an old number reachable', () => {
      const ranking = rankContactPoints({
        records: [record('demo-creditor', [phone(PHONE_A, 'active', 3 * 365)])],
        supersededPhones: new Set(),
        now: NOW,
        policy: { ...DEFAULT_CONTACT_POLICY, halfLifeDays: 365 },
      });
      assert.deepEqual([ranking.best?.value, ranking.reachability], [PHONE_A, 'stale']);
    });
  });
});
