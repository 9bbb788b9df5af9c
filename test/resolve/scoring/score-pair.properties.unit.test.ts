import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { MatchableRecord } from '../../../src/resolve/matchable-record.js';
import { clusterComponent } from '../../../src/resolve/clustering/cluster-component.js';
import { decidePair } from '../../../src/resolve/scoring/decide-pair.js';
import { DEFAULT_MODEL } from '../../../src/resolve/scoring/default-model.js';
import { scorePair } from '../../../src/resolve/scoring/score-pair.js';
import type { ValueFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import { uniformFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import {
  ADDRESSES,
  arbitraryRecord,
  CONTACTS,
  DATES,
  EMAILS,
  EMPLOYERS,
  IDS,
  NAMES,
  PHONES,
  SKEWED_FREQUENCIES,
} from './arbitrary-records.js';
import { cnId } from './records.js';

const frequencies = fc.constantFrom<ValueFrequencies>(uniformFrequencies, SKEWED_FREQUENCIES);
const pair = fc.tuple(arbitraryRecord('a:1'), arbitraryRecord('b:1'), frequencies);

/** Gives both records one more value they agree on. */
type Agreement = (a: MatchableRecord, b: MatchableRecord) => [MatchableRecord, MatchableRecord];

const both =
  (add: (r: MatchableRecord) => MatchableRecord): Agreement =>
  (a, b) => [add(a), add(b)];

const agreement: fc.Arbitrary<Agreement> = fc.oneof(
  fc.constantFrom(...NAMES).map((name) => both((r) => ({ ...r, names: [...r.names, name] }))),
  // A second shared id is no new agreement, and it may rightly retire a birth date that the newly
  // shared id now explains (see compareRecordBirthDates): ids are added only where none is shared.
  fc.constantFrom(...IDS).map(
    (id): Agreement =>
      (a, b) =>
        a.nationalIds.some((x) => b.nationalIds.some((y) => x.fingerprint === y.fingerprint))
          ? [a, b]
          : both((r) => ({ ...r, nationalIds: [...r.nationalIds, id] }))(a, b),
  ),
  fc
    .constantFrom(...PHONES)
    .map((e164) =>
      both((r) => ({ ...r, phones: [...r.phones, { e164, status: 'active', lastSeenAtMs: 0 }] })),
    ),
  fc.constantFrom(...EMAILS).map((email) => both((r) => ({ ...r, emails: [...r.emails, email] }))),
  fc
    .constantFrom(...ADDRESSES)
    .map((address) => both((r) => ({ ...r, addresses: [...r.addresses, address] }))),
  fc.constantFrom(...CONTACTS).map((fingerprint) =>
    both((r) => ({
      ...r,
      thirdParties: [...r.thirdParties, { fingerprint, kind: 'frequent_contact', weight: 1 }],
    })),
  ),
  // Single-valued fields can only be added where both records lack them.
  fc.constantFrom(...DATES).map(
    (birthDate): Agreement =>
      (a, b) =>
        a.birthDate === undefined && b.birthDate === undefined
          ? [
              { ...a, birthDate },
              { ...b, birthDate },
            ]
          : [a, b],
  ),
  fc.constantFrom(...EMPLOYERS).map(
    (employer): Agreement =>
      (a, b) =>
        a.employer === undefined && b.employer === undefined
          ? [
              { ...a, employer },
              { ...b, employer },
            ]
          : [a, b],
  ),
);

describe('scorePair properties', () => {
  it('is symmetric: (a, b) and (b, a) score the same, with the same evidence', () => {
    fc.assert(
      fc.property(pair, ([a, b, freq]) => {
        const forward = scorePair(a, b, DEFAULT_MODEL, freq);
        const backward = scorePair(b, a, DEFAULT_MODEL, freq);
        assert.equal(forward.total, backward.total);
        assert.deepEqual(forward, backward);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a value both records agree on never lowers the total', () => {
    fc.assert(
      fc.property(pair, agreement, ([a, b, freq], agree) => {
        const before = scorePair(a, b, DEFAULT_MODEL, freq).total;
        const [a2, b2] = agree(a, b);
        const after = scorePair(a2, b2, DEFAULT_MODEL, freq).total;
        assert.ok(after >= before - 1e-9, `${before} → ${after}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('a cannot-link always wins: never linked, never clustered, however much else agrees', () => {
    fc.assert(
      fc.property(pair, fc.array(agreement, { maxLength: 6 }), ([a, b, freq], agreements) => {
        let [x, y] = agreements.reduce<[MatchableRecord, MatchableRecord]>(
          ([p, q], agree) => agree(p, q),
          [a, b],
        );
        // Two different CN resident ids: a conflict no agreement elsewhere can outvote.
        x = { ...x, nationalIds: [cnId('nid-x', '1985-03-02', 'M')] };
        y = { ...y, nationalIds: [cnId('nid-y', '1985-03-02', 'M')] };
        const score = scorePair(x, y, DEFAULT_MODEL, freq);
        assert.notEqual(score.cannotLink, null);
        assert.equal(decidePair(score, DEFAULT_MODEL), 'no_link');
        const { clusters, possibleMatches } = clusterComponent([x, y], DEFAULT_MODEL, freq);
        assert.equal(clusters.length, 2);
        assert.equal(possibleMatches.length, 0);
      }),
      { numRuns: 300 },
    );
  });

  it('any pair with a cannot-link rule is never decided a link', () => {
    fc.assert(
      fc.property(pair, ([a, b, freq]) => {
        const score = scorePair(a, b, DEFAULT_MODEL, freq);
        if (score.cannotLink !== null) assert.equal(decidePair(score, DEFAULT_MODEL), 'no_link');
      }),
      { numRuns: 500 },
    );
  });
});
