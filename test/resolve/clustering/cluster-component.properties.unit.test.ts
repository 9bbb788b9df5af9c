import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { clusterComponent } from '../../../src/resolve/clustering/cluster-component.js';
import { DEFAULT_MODEL } from '../../../src/resolve/scoring/default-model.js';
import { scorePair } from '../../../src/resolve/scoring/score-pair.js';
import { arbitraryRecord, SKEWED_FREQUENCIES } from '../scoring/arbitrary-records.js';

const component = fc
  .integer({ min: 0, max: 9 })
  .chain((size) => fc.tuple(...Array.from({ length: size }, (_, i) => arbitraryRecord(`r:${i}`))));

describe('clusterComponent properties', () => {
  it('gives the same result for any order of the same records', () => {
    fc.assert(
      fc.property(
        component.chain((records) =>
          fc.tuple(
            fc.constant(records),
            fc.shuffledSubarray(records, { minLength: records.length }),
          ),
        ),
        ([records, shuffled]) => {
          assert.deepEqual(
            clusterComponent(shuffled, DEFAULT_MODEL, SKEWED_FREQUENCIES),
            clusterComponent(records, DEFAULT_MODEL, SKEWED_FREQUENCIES),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never puts a cannot-link pair in one cluster, and accounts for every record once', () => {
    fc.assert(
      fc.property(component, (records) => {
        const { clusters, possibleMatches } = clusterComponent(
          records,
          DEFAULT_MODEL,
          SKEWED_FREQUENCIES,
        );
        const byKey = new Map(records.map((r) => [r.key, r]));
        const placed = clusters.flatMap((c) => c.recordKeys).sort();
        assert.deepEqual(placed, [...byKey.keys()].sort());
        for (const { recordKeys, links } of clusters) {
          assert.equal(links.length, recordKeys.length - 1);
          for (const x of recordKeys) {
            for (const y of recordKeys) {
              if (x >= y) continue;
              const score = scorePair(
                byKey.get(x)!,
                byKey.get(y)!,
                DEFAULT_MODEL,
                SKEWED_FREQUENCIES,
              );
              assert.equal(score.cannotLink, null, 'a cannot-link pair shares a cluster');
            }
          }
        }
        for (const match of possibleMatches) assert.equal(match.score.cannotLink, null);
      }),
      { numRuns: 300 },
    );
  });
});
