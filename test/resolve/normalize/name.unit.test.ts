import { strict as assert } from 'node:assert';
import { normalizeName } from '../../../src/resolve/normalize/name.js';

// Names are placeholders (王小明 and Wang Wei are the Chinese John Doe), not people.
describe('normalizeName', () => {
  describe('Chinese names', () => {
    it('splits a full name surname first and romanizes it: 王小明 → wang, xiaoming', () => {
      assert.deepEqual(normalizeName({ full: '王小明' }), {
        tokens: ['王', '小明'],
        family: 'wang',
        given: 'xiaoming',
        latinTokens: ['wang', 'xiao', 'ming'],
        latinKey: 'wang xiaoming',
        isCjk: true,
      });
    });

    it('keeps a compound surname together: 欧阳娜娜 → ouyang, nana', () => {
      const name = normalizeName({ full: '欧阳娜娜' });
      assert.deepEqual(name.tokens, ['欧阳', '娜娜']);
      assert.equal(name.family, 'ouyang');
      assert.equal(name.given, 'nana');
    });

    it('romanizes the surname with its surname reading: 单小明 → shan', () => {
      assert.equal(normalizeName({ full: '单小明' }).family, 'shan');
      assert.equal(normalizeName({ family: '曾', given: '小明' }).family, 'zeng');
    });

    it('when the parts are given, then they are used as they are', () => {
      assert.deepEqual(
        normalizeName({ family: '王', given: '小明' }),
        normalizeName({ full: '王小明' }),
      );
    });

    it('when a space separates the parts, then it decides the split', () => {
      const name = normalizeName({ full: '司马 小明' });
      assert.equal(name.family, 'sima');
      assert.equal(name.given, 'xiaoming');
    });

    it('when the name has a middle dot, then it is a transliteration: parts kept, no surname assumed', () => {
      assert.deepEqual(normalizeName({ full: '阿卜杜拉·买买提' }), {
        tokens: ['阿卜杜拉', '买买提'],
        latinTokens: ['abudula', 'maimaiti'],
        latinKey: 'abudula maimaiti',
        isCjk: true,
      });
    });

    it('romanizes Han words in a name that mixes scripts or punctuation', () => {
      assert.equal(normalizeName({ full: 'Wang 小明' }).latinKey, 'wang xiaoming');
      assert.deepEqual(normalizeName({ full: '王,小明' }).latinTokens, ['wang', 'xiao', 'ming']);
    });

    it('folds full-width and stray spaces', () => {
      assert.equal(normalizeName({ full: ' 王小明 ' }).latinKey, 'wang xiaoming');
    });
  });

  describe('other CJK names', () => {
    it('keeps kana and Hangul as they are, without romanizing', () => {
      const korean = normalizeName({ full: '김민준' });
      assert.deepEqual(korean.tokens, ['김민준']);
      assert.equal(korean.latinKey, '김민준');
      assert.equal(korean.isCjk, true);
      assert.equal(korean.family, undefined);
    });

    it('takes the first of space-separated parts as the family name', () => {
      const name = normalizeName({ full: '김 민준' });
      assert.deepEqual(name.tokens, ['김', '민준']);
      assert.equal(name.family, '김');
    });
  });

  describe('Latin names', () => {
    it('folds case and diacritics and reads the last word as the family name by default', () => {
      assert.deepEqual(normalizeName({ full: 'Zoë Ångström' }), {
        tokens: ['angstrom', 'zoe'],
        family: 'angstrom',
        given: 'zoe',
        latinTokens: ['angstrom', 'zoe'],
        latinKey: 'angstrom zoe',
        isCjk: false,
      });
    });

    it('reads an all-capitals word among mixed-case ones as the family name', () => {
      assert.equal(normalizeName({ full: 'WANG Wei' }).family, 'wang');
      assert.equal(normalizeName({ full: 'Jean-Pierre DUPONT' }).family, 'dupont');
      assert.equal(normalizeName({ full: 'Jean-Pierre DUPONT' }).given, 'jean pierre');
    });

    it('when every word is in capitals, then the default order applies', () => {
      assert.equal(normalizeName({ full: 'JOHN SMITH' }).family, 'smith');
    });

    it('reads "Family, Given" from a comma', () => {
      const name = normalizeName({ full: 'Smith, John Paul' });
      assert.equal(name.family, 'smith');
      assert.equal(name.given, 'john paul');
    });

    it('when the source declares a CJK script, then a romanized name is read family first', () => {
      const name = normalizeName({ full: 'Wang Xiaoming', script: 'Hans' });
      assert.equal(name.family, 'wang');
      assert.equal(name.given, 'xiaoming');
      assert.equal(normalizeName({ full: 'Wang Xiaoming', script: 'Latn' }).family, 'xiaoming');
    });

    it('keeps lower-case particles with the family name', () => {
      const name = normalizeName({ full: 'Ludwig van der Example' });
      assert.equal(name.family, 'van der example');
      assert.equal(name.given, 'ludwig');
      assert.equal(name.latinKey, 'vanderexample ludwig');
    });

    it('treats a capitalized particle-like first name as a given name', () => {
      assert.equal(normalizeName({ full: 'Van Example' }).given, 'van');
    });

    it('joins apostrophes and separates hyphens and dots', () => {
      assert.deepEqual(normalizeName({ full: "J. R. O'Example-Smith" }).tokens, [
        'oexample',
        'smith',
        'j',
        'r',
      ]);
    });

    it('writes the parts without spaces in the latin key', () => {
      const name = normalizeName({ given: 'Xiao Ming', family: 'Wang' });
      assert.equal(name.given, 'xiao ming');
      assert.equal(name.latinKey, 'wang xiaoming');
      assert.deepEqual(name.latinTokens, ['wang', 'xiao', 'ming']);
    });

    it('when there is one word, then neither part is assumed', () => {
      const name = normalizeName({ full: 'Example' });
      assert.deepEqual(name.tokens, ['example']);
      assert.equal(name.family, undefined);
      assert.equal(name.given, undefined);
    });

    it('when only one part is given, then only that part is set', () => {
      const name = normalizeName({ family: 'Wang' });
      assert.equal(name.family, 'wang');
      assert.equal(name.given, undefined);
      assert.equal(name.latinKey, 'wang');
    });
  });

  it('when given and family are present, then full is ignored', () => {
    const name = normalizeName({ full: 'Someone Else', given: 'Wei', family: 'Wang' });
    assert.equal(name.latinKey, 'wang wei');
  });

  it('when nothing usable is given, then an empty name', () => {
    const empty = { tokens: [], latinTokens: [], latinKey: '', isCjk: false };
    assert.deepEqual(normalizeName({}), empty);
    assert.deepEqual(normalizeName({ full: '   ', given: '' }), empty);
  });

  it('never throws, whatever it is given', () => {
    for (const text of ['', ',', '·', '--', "'", 'A', '𠀀', '王·', ', ,', '\u0301']) {
      assert.doesNotThrow(() => normalizeName({ full: text }), text);
      assert.doesNotThrow(() => normalizeName({ family: text, given: text }), text);
    }
  });
});
