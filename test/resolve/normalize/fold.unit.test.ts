import { strict as assert } from 'node:assert';
import { containsCjk, foldText } from '../../../src/resolve/normalize/fold.js';

describe('foldText', () => {
  it('lower-cases and strips diacritics from Latin letters', () => {
    assert.equal(foldText('Zoë Ångström José ÇELİK'), 'zoe angstrom jose celik');
  });

  it('spells out Latin letters that have no combining mark', () => {
    assert.equal(foldText('Straße Ærø Œuvre Łódź Þór'), 'strasse aero oeuvre lodz thor');
  });

  it('folds full-width and compatibility forms', () => {
    assert.equal(foldText('ＷＡＮＧ １２３ ﬁle'), 'wang 123 file');
  });

  it('keeps marks that are not on Latin letters: が stays が, Hangul stays composed', () => {
    assert.equal(foldText('がくせい'), 'がくせい');
    assert.equal(foldText('김민준'), '김민준');
    assert.equal(foldText('王小明'), '王小明');
  });
});

describe('containsCjk', () => {
  it('is true for Han, kana and Hangul, false for Latin and Cyrillic', () => {
    assert.equal(containsCjk('王'), true);
    assert.equal(containsCjk('Wang 伟'), true);
    assert.equal(containsCjk('たろう'), true);
    assert.equal(containsCjk('김'), true);
    assert.equal(containsCjk('Wang Wei'), false);
    assert.equal(containsCjk('Иван'), false);
  });
});
