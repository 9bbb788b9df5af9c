import { strict as assert } from 'node:assert';
import { clusterErrors, crossPairs } from '../../bench/support/accuracy/cluster-errors.js';
import { ingestProgress, processed } from '../../bench/support/accuracy/ingest-progress.js';
import {
  bestContactAccuracy,
  largestCluster,
  majorityPersons,
  pairwiseScores,
  round4,
} from '../../bench/support/accuracy/metrics.js';
import { tagPopulation } from '../../bench/support/tag-population.js';
import type { Population } from '../../bench/support/population/generate-population.js';

// Truth: A has records a1 a2 a3, B has b1 b2, C has c1. True pairs: 3 + 1 + 0 = 4.
const truth = new Map([
  ['t:a1', 'A'],
  ['t:a2', 'A'],
  ['t:a3', 'A'],
  ['t:b1', 'B'],
  ['t:b2', 'B'],
  ['t:c1', 'C'],
]);
const perfect = new Map<string, string | undefined>([
  ['t:a1', 'p1'],
  ['t:a2', 'p1'],
  ['t:a3', 'p1'],
  ['t:b1', 'p2'],
  ['t:b2', 'p2'],
  ['t:c1', 'p3'],
]);
const withChanges = (changes: [string, string | undefined][]) => new Map([...perfect, ...changes]);

describe('accuracy metrics', () => {
  describe('pairwiseScores', () => {
    it('a perfect clustering scores 1 / 1 / 1', () => {
      const s = pairwiseScores(truth, perfect);
      assert.deepEqual([s.truePairs, s.predictedPairs, s.correctPairs], [4, 4, 4]);
      assert.deepEqual([s.precision, s.recall, s.f1], [1, 1, 1]);
    });

    it('when C is wrongly merged into B, precision drops and recall stays 1', () => {
      const s = pairwiseScores(truth, withChanges([['t:c1', 'p2']]));
      // Predicted pairs: 3 in p1 + 3 in p2 (b1-b2, b1-c1, b2-c1); correct: 3 + 1.
      assert.equal(s.predictedPairs, 6);
      assert.equal(s.correctPairs, 4);
      assert.equal(s.precision, 4 / 6);
      assert.equal(s.recall, 1);
      assert.equal(s.f1, (2 * (4 / 6)) / (4 / 6 + 1));
    });

    it('when one of A’s records is split off, recall drops and precision stays 1', () => {
      const s = pairwiseScores(truth, withChanges([['t:a3', 'p9']]));
      assert.equal(s.precision, 1);
      assert.equal(s.recall, 2 / 4);
    });

    it('an unresolved record is a cluster of its own, like a split', () => {
      const unresolved = withChanges([['t:a3', undefined]]);
      unresolved.delete('t:b2');
      const s = pairwiseScores(truth, unresolved);
      assert.equal(s.precision, 1);
      assert.equal(s.recall, 1 / 4);
    });

    it('ignores predicted records the truth does not label (data outside the run)', () => {
      const s = pairwiseScores(truth, withChanges([['other:x', 'p1']]));
      assert.deepEqual([s.precision, s.recall], [1, 1]);
    });

    it('everything in one person: precision is the share of true pairs among all pairs', () => {
      const one = new Map([...truth.keys()].map((k) => [k, 'p']));
      const s = pairwiseScores(truth, one);
      assert.equal(s.predictedPairs, 15);
      assert.equal(s.precision, 4 / 15);
      assert.equal(s.recall, 1);
    });

    it('all singletons: nothing claimed, so precision is vacuously 1 and recall 0', () => {
      const s = pairwiseScores(truth, new Map());
      assert.deepEqual([s.precision, s.recall, s.f1], [1, 0, 0]);
    });

    it('counts pairs from cluster sizes, without enumerating them', () => {
      const big = new Map<string, string>();
      const predicted = new Map<string, string>();
      for (let i = 0; i < 200_000; i++) {
        big.set(`r${i}`, `T${i % 2}`);
        predicted.set(`r${i}`, 'one');
      }
      const s = pairwiseScores(big, predicted);
      assert.equal(s.predictedPairs, (200_000 * 199_999) / 2);
      assert.equal(s.correctPairs, 2 * ((100_000 * 99_999) / 2));
    });
  });

  describe('largestCluster', () => {
    it('is the largest predicted person among the scored records', () => {
      assert.equal(largestCluster(truth, perfect), 3);
      assert.equal(largestCluster(truth, withChanges([['t:b1', 'p1']])), 4);
    });

    it('is 1 when nothing resolved, 0 with no records', () => {
      assert.equal(largestCluster(truth, new Map()), 1);
      assert.equal(largestCluster(new Map(), new Map()), 0);
    });
  });

  describe('bestContactAccuracy', () => {
    const currentPhone = new Map([
      ['A', '+8613800000001'],
      ['B', '+8613800000002'],
    ]);
    const best = new Map([
      ['p1', '+8613800000001'],
      ['p2', '+8613800000002'],
    ]);

    it('counts a true person right when their majority person offers their current number', () => {
      const s = bestContactAccuracy(truth, perfect, currentPhone, best);
      assert.deepEqual([s.persons, s.correct, s.accuracy, s.misses], [2, 2, 1, []]);
    });

    it('persons without a listed current number (C) are not scored', () => {
      assert.equal(bestContactAccuracy(truth, perfect, currentPhone, best).persons, 2);
    });

    it('when B’s records went to a person offering another number, B is a miss', () => {
      const s = bestContactAccuracy(
        truth,
        withChanges([
          ['t:b1', 'p1'],
          ['t:b2', 'p1'],
        ]),
        currentPhone,
        best,
      );
      assert.equal(s.accuracy, 0.5);
      assert.deepEqual(s.misses, [
        {
          truePersonId: 'B',
          expected: '+8613800000002',
          predictedPersonId: 'p1',
          best: '+8613800000001',
        },
      ]);
    });

    it('follows the person holding most of the records, not any of them', () => {
      const split = withChanges([['t:a3', 'p2']]);
      assert.equal(majorityPersons(truth, split).get('A'), 'p1');
      assert.equal(bestContactAccuracy(truth, split, currentPhone, best).accuracy, 1);
    });

    it('a tie goes to the smaller person id', () => {
      const tie = withChanges([['t:b2', 'p0']]);
      assert.equal(majorityPersons(truth, tie).get('B'), 'p0');
    });

    it('a person with no best contact, or no resolved record, is a miss', () => {
      const s = bestContactAccuracy(
        truth,
        withChanges([
          ['t:b1', undefined],
          ['t:b2', undefined],
        ]),
        currentPhone,
        new Map(),
      );
      assert.deepEqual(
        s.misses.map((m) => [m.truePersonId, m.predictedPersonId, m.best]),
        [
          ['A', 'p1', undefined],
          ['B', undefined, undefined],
        ],
      );
      assert.equal(s.accuracy, 0);
    });
  });

  describe('clusterErrors', () => {
    it('names the false merge and the split with their wrong and missed pairs', () => {
      const { falseMerges, splits } = clusterErrors(
        truth,
        withChanges([
          ['t:c1', 'p2'],
          ['t:a3', undefined],
        ]),
      );
      assert.deepEqual(falseMerges, [
        {
          predictedPersonId: 'p2',
          parts: [
            { truePersonId: 'B', recordKeys: ['t:b1', 't:b2'] },
            { truePersonId: 'C', recordKeys: ['t:c1'] },
          ],
          wrongPairs: 2,
        },
      ]);
      assert.deepEqual(splits, [
        {
          truePersonId: 'A',
          fragments: [
            { predictedPersonId: 'p1', recordKeys: ['t:a1', 't:a2'] },
            { predictedPersonId: undefined, recordKeys: ['t:a3'] },
          ],
          missedPairs: 2,
        },
      ]);
    });

    it('wrong and missed pairs add up to what pairwise scoring counts', () => {
      const predicted = withChanges([
        ['t:c1', 'p1'],
        ['t:b2', 'p3'],
        ['t:a1', undefined],
      ]);
      const s = pairwiseScores(truth, predicted);
      const e = clusterErrors(truth, predicted);
      assert.equal(
        e.falseMerges.reduce((n, m) => n + m.wrongPairs, 0),
        s.predictedPairs - s.correctPairs,
      );
      assert.equal(
        e.splits.reduce((n, x) => n + x.missedPairs, 0),
        s.truePairs - s.correctPairs,
      );
    });

    it('crossPairs counts pairs between groups', () => {
      assert.equal(crossPairs([2, 1]), 2);
      assert.equal(crossPairs([2, 2, 1]), 4 + 2 + 2);
      assert.equal(crossPairs([5]), 0);
    });
  });

  it('round4 keeps four decimals', () => {
    assert.equal(round4(2 / 3), 0.6667);
    assert.equal(round4(1), 1);
  });

  describe('ingestProgress', () => {
    const text = [
      '# HELP recontact_ingest_events_applied_total Identity updates applied',
      '# TYPE recontact_ingest_events_applied_total counter',
      'recontact_ingest_events_applied_total{source="demo-telco"} 10',
      'recontact_ingest_events_applied_total{source="demo-registry"} 5',
      'recontact_ingest_events_duplicate_total{source="demo-telco"} 2',
      'recontact_ingest_events_rejected_total{source="demo-telco",reason="BAD_SIGNATURE"} 1',
      'recontact_ingest_events_rejected_total{source="unregistered",reason="UNKNOWN_SOURCE"} 3',
      'recontact_ingest_events_applied_total_other 99',
    ].join('\n');

    it('sums the counters over their labels and keeps rejection reasons', () => {
      const p = ingestProgress(text);
      assert.deepEqual([p.applied, p.duplicates, p.rejected, processed(p)], [15, 2, 4, 21]);
      assert.deepEqual(p.rejectedBy, {
        'demo-telco/BAD_SIGNATURE': 1,
        'unregistered/UNKNOWN_SOURCE': 3,
      });
    });

    it('reads a service that has processed nothing yet as zero', () => {
      assert.equal(processed(ingestProgress('# HELP nothing\n')), 0);
    });
  });

  describe('tagPopulation', () => {
    it('prefixes every record id with the run prefix and keys the truth the same way', () => {
      const population: Population = {
        events: [
          {
            sourceId: 'demo-telco',
            event: {
              schemaVersion: 1,
              eventId: '00000000-0000-4000-8000-000000000001',
              sourceId: 'demo-telco',
              sourceRecordId: 'SUB-1',
              observedAt: '2025-01-01T00:00:00+08:00',
              op: 'upsert',
              subject: {},
            },
          },
        ],
        truth: new Map([['demo-telco:SUB-1', 'P1']]),
        currentPhone: new Map(),
        stats: {},
      };
      const run = tagPopulation(population, 'ACC-abc-');
      assert.equal(run.events[0]?.event.sourceRecordId, 'ACC-abc-SUB-1');
      assert.deepEqual([...run.truth], [['demo-telco:ACC-abc-SUB-1', 'P1']]);
      assert.deepEqual(run.keyPrefixes, ['demo-telco:ACC-abc-']);
      assert.ok('demo-telco:ACC-abc-SUB-1'.includes(run.marker));
      assert.equal(population.events[0]?.event.sourceRecordId, 'SUB-1');
    });
  });
});
