import { strict as assert } from 'node:assert';
import { normalizeName } from '../../../src/resolve/normalize/name.js';
import type { NameInput } from '../../../src/resolve/normalize/name.js';
import {
  compareNames,
  NAME_PART_CLOSE,
  nameKeys,
} from '../../../src/resolve/normalize/name-compare.js';
import { jaroWinkler } from '../../../src/resolve/normalize/string-similarity.js';

function compare(a: NameInput, b: NameInput): string {
  const forward = compareNames(normalizeName(a), normalizeName(b));
  assert.equal(compareNames(normalizeName(b), normalizeName(a)), forward, 'symmetric');
  return forward;
}

describe('compareNames', () => {
  describe('across scripts', () => {
    it('王伟 is exactly "Wei Wang", "WANG Wei", and given Wei with family Wang', () => {
      assert.equal(compare({ full: '王伟' }, { full: 'Wei Wang' }), 'exact');
      assert.equal(compare({ full: '王伟' }, { full: 'WANG Wei' }), 'exact');
      assert.equal(compare({ full: '王伟' }, { given: 'Wei', family: 'Wang' }), 'exact');
    });

    it('王小明 is exactly "Xiaoming Wang" and "Xiao-Ming WANG"', () => {
      assert.equal(compare({ full: '王小明' }, { full: 'Xiaoming Wang' }), 'exact');
      assert.equal(compare({ full: '王小明' }, { full: 'Xiao-Ming WANG' }), 'exact');
    });

    it('王伟 against "Wang Wei" read in Western order is swapped', () => {
      assert.equal(compare({ full: '王伟' }, { full: 'Wang Wei' }), 'swapped');
    });

    it('王小明 against "Wang Xiao Ming" is swapped: the syllables agree, the order does not', () => {
      assert.equal(compare({ full: '王小明' }, { full: 'Wang Xiao Ming' }), 'swapped');
    });

    it('王小明 against Wang Xiaomin is close', () => {
      assert.equal(compare({ full: '王小明' }, { given: 'Xiaomin', family: 'Wang' }), 'close');
    });

    it('one character apart in a given name of two is close: 王小雪 and 王思雪 (a slip, or a sibling)', () => {
      assert.equal(compare({ full: '王小雪' }, { full: '王思雪' }), 'close');
      assert.equal(compare({ full: '王小雪' }, { full: '李思雪' }), 'different');
      assert.equal(compare({ full: '王小雪' }, { full: '王思云' }), 'different');
      assert.equal(compare({ full: '王小雪' }, { full: '王雪' }), 'different');
    });

    it('the same surname with another given name is different: 王伟 and 王芳', () => {
      assert.equal(compare({ full: '王伟' }, { full: '王芳' }), 'different');
      assert.equal(compare({ full: '王伟' }, { full: 'Fang Wang' }), 'different');
    });
  });

  describe('Latin names', () => {
    it('the same name with different case, accents and layout is exact', () => {
      assert.equal(compare({ full: 'José García' }, { given: 'JOSE', family: 'garcia' }), 'exact');
      assert.equal(compare({ full: 'García, José' }, { full: 'Jose Garcia' }), 'exact');
    });

    it('given and family names swapped is swapped', () => {
      assert.equal(
        compare({ given: 'John', family: 'Smith' }, { given: 'Smith', family: 'John' }),
        'swapped',
      );
      assert.equal(compare({ full: 'John Smith' }, { full: 'Smith John' }), 'swapped');
    });

    it('a typo or variant spelling in each part is close', () => {
      assert.equal(compare({ full: 'John Smith' }, { full: 'Jon Smyth' }), 'close');
      assert.equal(compare({ full: 'Catherine Example' }, { full: 'Katherine Example' }), 'close');
    });

    it('swapped and misspelled is close', () => {
      assert.equal(compare({ full: 'John Smith' }, { full: 'Smyth Jon' }), 'close');
    });

    it('one part close and the other unrelated is different', () => {
      assert.equal(compare({ full: 'John Smith' }, { full: 'Mary Smith' }), 'different');
      assert.equal(compare({ full: 'Wei Zhang' }, { full: 'Wai Zhang' }), 'different');
    });

    it('names with nothing in common are different', () => {
      assert.equal(compare({ full: 'John Smith' }, { full: 'Maria Example' }), 'different');
    });
  });

  describe('incomplete names', () => {
    it('when either name is empty, then missing', () => {
      assert.equal(compare({}, { full: 'John Smith' }), 'missing');
      assert.equal(compare({ full: '  ' }, { full: '王伟' }), 'missing');
    });

    it('when one side has only a surname that agrees, then missing: it says too little', () => {
      assert.equal(compare({ family: 'Wang' }, { full: '王伟' }), 'missing');
      assert.equal(compare({ given: 'Wei' }, { full: '王伟' }), 'missing');
      assert.equal(compare({ full: 'Smith' }, { full: 'John Smith' }), 'missing');
    });

    it('when one side has only a surname that disagrees, then different', () => {
      assert.equal(compare({ family: 'Li' }, { full: '王伟' }), 'different');
    });

    it('single names are compared whole', () => {
      assert.equal(compare({ full: 'Example' }, { full: 'EXAMPLE' }), 'exact');
      assert.equal(compare({ full: 'Example' }, { full: 'Exampel' }), 'close');
      assert.equal(compare({ full: 'Example' }, { full: 'Other' }), 'different');
    });

    it('transliterated names are compared by their parts', () => {
      assert.equal(compare({ full: '阿卜杜拉·买买提' }, { full: 'Abudula Maimaiti' }), 'swapped');
      assert.equal(compare({ full: '阿卜杜拉·买买提' }, { full: '阿卜杜拉·买买提' }), 'exact');
    });
  });
});

describe('NAME_PART_CLOSE', () => {
  it('admits one-letter variants of longer names and rejects different short names', () => {
    for (const [a, b] of [
      ['smith', 'smyth'],
      ['zhang', 'chang'],
      ['xiaoming', 'xiaomin'],
      ['catherine', 'katherine'],
    ]) {
      assert.ok(jaroWinkler(a!, b!) >= NAME_PART_CLOSE, `${a}/${b}`);
    }
    for (const [a, b] of [
      ['fang', 'feng'],
      ['wei', 'wai'],
      ['li', 'lu'],
    ]) {
      assert.ok(jaroWinkler(a!, b!) < NAME_PART_CLOSE, `${a}/${b}`);
    }
  });
});

describe('nameKeys', () => {
  it('gives the same key for a name in either order', () => {
    const keysOf = (input: NameInput) => nameKeys(normalizeName(input));
    const shared = (a: string[], b: string[]) => a.some((key) => b.includes(key));
    assert.ok(shared(keysOf({ full: 'John Smith' }), keysOf({ full: 'Smith John' })));
    assert.ok(shared(keysOf({ full: '王小明' }), keysOf({ full: 'Wang Xiao Ming' })));
    assert.ok(!shared(keysOf({ full: '王小明' }), keysOf({ full: '王小红' })));
  });

  it('gives the sorted syllables and the sorted parts of a Chinese name', () => {
    assert.deepEqual(nameKeys(normalizeName({ full: '王小明' })), [
      'ming wang xiao',
      'wang xiaoming',
    ]);
  });

  it('gives no keys for an empty name', () => {
    assert.deepEqual(nameKeys(normalizeName({})), []);
  });
});
