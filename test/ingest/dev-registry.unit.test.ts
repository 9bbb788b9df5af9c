import { strict as assert } from 'node:assert';
import { parseSourceRegistry } from '../../contracts/source-registry.js';
import { createDevelopmentRegistry, generateDevKeys } from '../../src/ingest/dev-registry.js';
import { SourceRegistry } from '../../src/ingest/source-registry.js';

describe('development source registry', () => {
  it('when created, then it is a valid registry file with the three demo sources', () => {
    const file = parseSourceRegistry(createDevelopmentRegistry(), 'development registry');
    assert.deepEqual(
      file.sources.map((s) => [s.id, s.kind, s.trust]),
      [
        ['demo-telco', 'telecom', 0.9],
        ['demo-registry', 'registry', 0.95],
        ['demo-creditor', 'creditor', 0.6],
      ],
    );
  });

  it('when dev keys are generated, then each source gets its own 32-byte hex key that the registry accepts', () => {
    const keys = generateDevKeys();
    assert.deepEqual(Object.keys(keys).sort(), [
      'RECONTACT_SOURCE_KEY_DEMO_CREDITOR',
      'RECONTACT_SOURCE_KEY_DEMO_REGISTRY',
      'RECONTACT_SOURCE_KEY_DEMO_TELCO',
    ]);
    for (const key of Object.values(keys)) assert.match(key, /^[0-9a-f]{64}$/);
    assert.equal(new Set(Object.values(keys)).size, 3);
    assert.doesNotThrow(() => new SourceRegistry(createDevelopmentRegistry(), keys));
  });

  it('when keys are generated twice, then they differ', () => {
    assert.notDeepEqual(generateDevKeys(), generateDevKeys());
  });
});
