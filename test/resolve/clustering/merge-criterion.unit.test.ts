import { strict as assert } from 'node:assert';
import { mayMerge } from '../../../src/resolve/clustering/merge-criterion.js';
import { PairScores } from '../../../src/resolve/clustering/pair-scores.js';
import { DEFAULT_MODEL } from '../../../src/resolve/scoring/default-model.js';
import { uniformFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import { record } from '../scoring/records.js';

const P1 = '+15555550101';
const P2 = '+15555550102';

describe('mayMerge', () => {
  // 0 and 1 are one person; 2 shares 1's second number and name; 3 has another name and number.
  const records = [
    record('a:0', { names: ['Eudora Quillfeather'], birthDate: '1971-02-03', phones: [P1] }),
    record('a:1', { names: ['Eudora Quillfeather'], phones: [P1, P2] }),
    record('a:2', { names: ['Eudora Quillfeather'], phones: [P2] }),
    record('a:3', { names: ['Zhou Yuqing'], birthDate: '1971-02-03', phones: ['+15555550199'] }),
    record('a:4', { names: ['Eudora Quillfeather'], birthDate: '1980-01-01', phones: [P2] }),
  ];
  const scores = new PairScores(records, DEFAULT_MODEL, uniformFrequencies);

  it('merges when the cross pairs average at least the cluster minimum', () => {
    const mean = (scores.get(0, 2).total + scores.get(1, 2).total) / 2;
    assert.ok(mean >= DEFAULT_MODEL.clusterMinimum);
    assert.equal(mayMerge([0, 1], [2], scores, DEFAULT_MODEL), true);
  });

  it('refuses when the cross pairs average less, though one of them is a link', () => {
    assert.ok(scores.get(1, 2).total >= DEFAULT_MODEL.linkThreshold);
    assert.equal(mayMerge([0, 1, 3], [2], scores, DEFAULT_MODEL), false);
  });

  it('refuses when any cross pair has a cannot-link, however strong the rest', () => {
    assert.equal(scores.get(0, 4).cannotLink, 'INCOMPATIBLE_BIRTH_DATE');
    assert.equal(mayMerge([0, 1], [4], scores, DEFAULT_MODEL), false);
  });

  it('scores a pair once, whichever way round it is asked for', () => {
    assert.equal(scores.get(3, 1), scores.get(1, 3));
  });
});
