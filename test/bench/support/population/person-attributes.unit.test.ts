import { strict as assert } from 'node:assert';
import { generatePopulation } from '../../../../bench/support/population/generate-population.js';
import { drawRegion } from '../../../../bench/support/population/cn-regions.js';
import { Random } from '../../../../bench/support/population/mulberry32.js';
import { PersonAttributes } from '../../../../bench/support/population/person-attributes.js';

const NOW = new Date('2025-06-01T00:00:00Z');

describe('PersonAttributes postcodes', () => {
  it('by default an address carries its district’s postcode, and a seed gives the population it always gave', () => {
    const attributes = new PersonAttributes(new Random(3));
    const district = drawRegion(new Random(3));
    assert.equal(attributes.address(district).region.postcode, district.postcode);
    const plain = generatePopulation({ persons: 300, seed: 5, now: NOW });
    const one = generatePopulation({ persons: 300, seed: 5, now: NOW, postcodesPerCity: 1 });
    assert.deepEqual(one.events, plain.events);
  });

  it('with areas per city, addresses spread over that many postcodes of the district', () => {
    const attributes = new PersonAttributes(new Random(3), 100);
    const district = drawRegion(new Random(3));
    const postcodes = new Set(Array.from({ length: 2_000 }, () => attributes.address(district).region.postcode));
    assert.ok(postcodes.size > 90 && postcodes.size <= 100, `${postcodes.size} postcodes`);
    for (const postcode of postcodes) assert.equal(postcode.slice(0, 4), district.postcode.slice(0, 4));

    const population = generatePopulation({ persons: 2_000, seed: 5, now: NOW, postcodesPerCity: 100 });
    const addressed = population.events.flatMap(({ event }) => (event.op === 'upsert' ? (event.subject.addresses ?? []) : []));
    assert.ok(new Set(addressed.map((a) => a.postcode)).size > 500);
  });

  it('refuses an area count a postcode cannot hold', () => {
    assert.throws(() => new PersonAttributes(new Random(1), 101), /postcodesPerCity must be a whole number from 1 to 100/);
  });
});
