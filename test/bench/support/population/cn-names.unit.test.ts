import { strict as assert } from 'node:assert';
import {
  drawGivenName,
  drawSurname,
  hanName,
} from '../../../../bench/support/population/cn-names.js';
import { Random } from '../../../../bench/support/population/mulberry32.js';
import { normalizeName } from '../../../../src/resolve/normalize/name.js';

describe('synthetic CN names', () => {
  it("the pinyin a Latin-script record carries is the normalizer's reading of the Han name", () => {
    // Otherwise the benchmark would score the generator's romanization, not the matcher.
    const rng = new Random(2);
    for (let i = 0; i < 2000; i++) {
      const [family] = drawSurname(rng);
      const name = hanName(family, drawGivenName(rng, i % 2 === 0 ? 'M' : 'F'));
      const normalized = normalizeName({ full: name.family + name.given, script: 'Hans' });
      assert.equal(normalized.family, name.familyLatin.toLowerCase(), name.family);
      assert.equal(normalized.given, name.givenLatin.toLowerCase(), name.given);
    }
  });

  it('common surnames dominate: 王, 李 and 张 are each several per cent of draws', () => {
    const rng = new Random(4);
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const [family] = drawSurname(rng);
      counts.set(family, (counts.get(family) ?? 0) + 1);
    }
    for (const family of ['王', '李', '张']) {
      const share = (counts.get(family) ?? 0) / 10_000;
      assert.ok(share > 0.08 && share < 0.16, `${family}: ${share}`);
    }
  });
});
