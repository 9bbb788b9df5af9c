import { strict as assert } from 'node:assert';
import {
  isHanOnly,
  romanizeHan,
  romanizeSurname,
  splitHanName,
} from '../../../src/resolve/normalize/cjk-name.js';

describe('splitHanName', () => {
  it('takes the first character as the surname', () => {
    assert.deepEqual(splitHanName('王小明'), { family: '王', given: '小明' });
    assert.deepEqual(splitHanName('李四'), { family: '李', given: '四' });
  });

  it('takes a compound surname whole, simplified or traditional', () => {
    assert.deepEqual(splitHanName('欧阳娜娜'), { family: '欧阳', given: '娜娜' });
    assert.deepEqual(splitHanName('诸葛小明'), { family: '诸葛', given: '小明' });
    assert.deepEqual(splitHanName('司马一'), { family: '司马', given: '一' });
    assert.deepEqual(splitHanName('上官小红'), { family: '上官', given: '小红' });
    assert.deepEqual(splitHanName('歐陽小明'), { family: '歐陽', given: '小明' });
  });

  it('reads a two-character name as surname and given name, even if it spells a compound surname', () => {
    assert.deepEqual(splitHanName('东方'), { family: '东', given: '方' });
  });

  it('counts characters outside the Basic Multilingual Plane as one', () => {
    assert.deepEqual(splitHanName('王𠀀'), { family: '王', given: '𠀀' });
  });
});

describe('romanizeSurname and romanizeHan', () => {
  it('gives toneless lower-case pinyin syllables', () => {
    assert.deepEqual(romanizeHan('小明'), ['xiao', 'ming']);
    assert.deepEqual(romanizeSurname('王'), ['wang']);
  });

  it('reads surnames with their surname pronunciation', () => {
    assert.deepEqual(romanizeSurname('单'), ['shan']);
    assert.deepEqual(romanizeSurname('曾'), ['zeng']);
    assert.deepEqual(romanizeSurname('解'), ['xie']);
    assert.deepEqual(romanizeSurname('长孙'), ['zhang', 'sun']);
    assert.deepEqual(romanizeHan('单'), ['dan'], 'the same character outside a surname');
  });

  it('writes ü as u, as a Latin record does once diacritics are stripped', () => {
    assert.deepEqual(romanizeSurname('吕'), ['lu']);
    assert.deepEqual(romanizeHan('女'), ['nu']);
  });
});

describe('isHanOnly', () => {
  it('is true only for Han characters throughout', () => {
    assert.equal(isHanOnly('王小明'), true);
    assert.equal(isHanOnly('王 小明'), false);
    assert.equal(isHanOnly('王a'), false);
    assert.equal(isHanOnly('やまだ'), false);
    assert.equal(isHanOnly(''), false);
  });
});
