import { strict as assert } from 'node:assert';
import {
  detectPhoneConflicts,
  STRONG_CLAIM_STRENGTH,
} from '../../../src/resolve/contacts/phone-conflicts.js';
import { PHONE_A, PHONE_B, daysAgo } from './contact-records.js';

describe('detectPhoneConflicts', () => {
  it('a number two persons hold strongly is a conflict, persons sorted', () => {
    const conflicts = detectPhoneConflicts([
      { e164: PHONE_A, personId: 'person-b', lastSeenAtMs: daysAgo(10), strength: 0.9 },
      { e164: PHONE_A, personId: 'person-a', lastSeenAtMs: daysAgo(400), strength: 0.6 },
    ]);
    assert.deepEqual(conflicts, [
      {
        e164: PHONE_A,
        personIds: ['person-a', 'person-b'],
        since: daysAgo(10),
        kind: 'SHARED_OR_RECYCLED',
      },
    ]);
  });

  it('a weak claim (a stale creditor mention) does not make a conflict', () => {
    const conflicts = detectPhoneConflicts([
      {
        e164: PHONE_A,
        personId: 'person-a',
        lastSeenAtMs: daysAgo(400),
        strength: STRONG_CLAIM_STRENGTH - 0.01,
      },
      { e164: PHONE_A, personId: 'person-b', lastSeenAtMs: daysAgo(10), strength: 0.9 },
    ]);
    assert.deepEqual(conflicts, []);
  });

  it('a claim exactly at the threshold counts as strong', () => {
    const conflicts = detectPhoneConflicts([
      {
        e164: PHONE_A,
        personId: 'person-a',
        lastSeenAtMs: daysAgo(5),
        strength: STRONG_CLAIM_STRENGTH,
      },
      {
        e164: PHONE_A,
        personId: 'person-b',
        lastSeenAtMs: daysAgo(5),
        strength: STRONG_CLAIM_STRENGTH,
      },
    ]);
    assert.equal(conflicts.length, 1);
  });

  it('one person claiming a number several times is no conflict', () => {
    const conflicts = detectPhoneConflicts([
      { e164: PHONE_A, personId: 'person-a', lastSeenAtMs: daysAgo(10), strength: 0.9 },
      { e164: PHONE_A, personId: 'person-a', lastSeenAtMs: daysAgo(300), strength: 0.9 },
    ]);
    assert.deepEqual(conflicts, []);
  });

  it("since is when the second claimant first appeared, from each person's earliest strong claim", () => {
    const conflicts = detectPhoneConflicts([
      { e164: PHONE_A, personId: 'person-c', lastSeenAtMs: daysAgo(5), strength: 0.8 },
      { e164: PHONE_A, personId: 'person-a', lastSeenAtMs: daysAgo(500), strength: 0.8 },
      { e164: PHONE_A, personId: 'person-b', lastSeenAtMs: daysAgo(30), strength: 0.8 },
      { e164: PHONE_A, personId: 'person-b', lastSeenAtMs: daysAgo(60), strength: 0.8 },
    ]);
    assert.equal(conflicts[0]?.since, daysAgo(60));
    assert.deepEqual(conflicts[0]?.personIds, ['person-a', 'person-b', 'person-c']);
  });

  it('conflicts come sorted by number, and the threshold can be raised', () => {
    const claims = [PHONE_B, PHONE_A].flatMap((e164) => [
      { e164, personId: 'person-a', lastSeenAtMs: daysAgo(1), strength: 0.7 },
      { e164, personId: 'person-b', lastSeenAtMs: daysAgo(1), strength: 0.7 },
    ]);
    assert.deepEqual(
      detectPhoneConflicts(claims).map((c) => c.e164),
      [PHONE_A, PHONE_B],
    );
    assert.deepEqual(detectPhoneConflicts(claims, 0.8), []);
  });
});
