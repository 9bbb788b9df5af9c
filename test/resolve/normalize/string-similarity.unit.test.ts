import { strict as assert } from 'node:assert';
import {
  jaro,
  jaroWinkler,
  levenshteinRatio,
} from '../../../src/resolve/normalize/string-similarity.js';

const near = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 0.001, `${actual} is not ≈ ${expected}`);

describe('jaroWinkler', () => {
  it('matches the published values for MARTHA/MARHTA, DIXON/DICKSONX and DWAYNE/DUANE', () => {
    near(jaroWinkler('MARTHA', 'MARHTA'), 0.961);
    near(jaroWinkler('DIXON', 'DICKSONX'), 0.813);
    near(jaroWinkler('DWAYNE', 'DUANE'), 0.84);
  });

  it('matches the published plain Jaro values of the same pairs', () => {
    near(jaro('MARTHA', 'MARHTA'), 0.944);
    near(jaro('DIXON', 'DICKSONX'), 0.767);
    near(jaro('DWAYNE', 'DUANE'), 0.822);
  });

  it('when the strings are equal, then it is 1, including for two empty strings', () => {
    assert.equal(jaroWinkler('wang', 'wang'), 1);
    assert.equal(jaroWinkler('', ''), 1);
  });

  it('when one string is empty or nothing matches, then it is 0', () => {
    assert.equal(jaroWinkler('', 'wang'), 0);
    assert.equal(jaroWinkler('abc', 'xyz'), 0);
  });

  it('is symmetric', () => {
    assert.equal(jaroWinkler('DIXON', 'DICKSONX'), jaroWinkler('DICKSONX', 'DIXON'));
  });

  it('when the Jaro score is 0.7 or less, then no prefix bonus is added', () => {
    const j = jaro('abcxyz', 'abzzzz');
    assert.ok(j <= 0.7);
    assert.equal(jaroWinkler('abcxyz', 'abzzzz'), j);
  });

  it('caps the prefix bonus at four characters', () => {
    const j = jaro('abcdefgh', 'abcdefxy');
    near(jaroWinkler('abcdefgh', 'abcdefxy'), j + 4 * 0.1 * (1 - j));
  });

  it('counts a CJK character, even outside the Basic Multilingual Plane, as one', () => {
    near(jaroWinkler('王小明', '王小民'), 0.822);
    assert.equal(jaroWinkler('𠀀a', '𠀀a'), 1);
    near(jaro('𠀀ab', '𠀀ba'), jaro('xab', 'xba'));
  });
});

describe('levenshteinRatio', () => {
  it('is 1 − edits / longer length', () => {
    assert.equal(levenshteinRatio('kitten', 'sitting'), 1 - 3 / 7);
    assert.equal(levenshteinRatio('建国路', '建国道'), 1 - 1 / 3);
  });

  it('when both are empty, then it is 1; when only one is, then 0', () => {
    assert.equal(levenshteinRatio('', ''), 1);
    assert.equal(levenshteinRatio('', 'abc'), 0);
  });
});
