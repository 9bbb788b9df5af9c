import { strict as assert } from 'node:assert';
import { renderIdentityUpdateV1JsonSchema } from '../../contracts/json-schema.js';
import { readRepoFile } from './repo-files.js';

describe('published JSON Schema of identity.update v1', () => {
  const fresh = JSON.parse(renderIdentityUpdateV1JsonSchema()) as Record<string, unknown>;

  it('when the zod schema changes, then the committed JSON Schema must be regenerated to match', () => {
    const committed: unknown = JSON.parse(readRepoFile('contracts/identity-update.v1.schema.json'));
    assert.deepStrictEqual(
      committed,
      fresh,
      'contracts/identity-update.v1.schema.json is stale: run `npm run build && node dist/contracts/generate-json-schema.js`',
    );
  });

  it('when published, then it is draft 2020-12 and refuses unknown top-level fields', () => {
    assert.equal(fresh['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    const branches = fresh['oneOf'] as { additionalProperties?: unknown }[];
    assert.equal(branches.length, 2);
    for (const branch of branches) assert.equal(branch.additionalProperties, false);
  });

  it('when published, then the names rule (at least one of full, given, family) is stated', () => {
    const defs = fresh['$defs'] as Record<string, { anyOf?: unknown }>;
    assert.deepEqual(defs['PersonName']?.anyOf, [
      { required: ['full'] },
      { required: ['given'] },
      { required: ['family'] },
    ]);
  });
});
