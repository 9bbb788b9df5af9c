import { strict as assert } from 'node:assert';
import type { SourceRegistryFile } from '../../contracts/source-registry.js';
import { createDevelopmentRegistry, generateDevKeys } from '../../src/ingest/dev-registry.js';
import { SourceKeyError, SourceRegistry } from '../../src/ingest/source-registry.js';

const TELCO_KEY_ENV = 'RECONTACT_SOURCE_KEY_DEMO_TELCO';

function keyErrorOf(
  file: SourceRegistryFile,
  env: Record<string, string | undefined>,
): SourceKeyError {
  try {
    new SourceRegistry(file, env);
  } catch (error) {
    if (error instanceof SourceKeyError) return error;
    throw error;
  }
  assert.fail('expected a SourceKeyError');
}

function withTelcoSuspended(): SourceRegistryFile {
  const file = createDevelopmentRegistry();
  return {
    ...file,
    sources: file.sources.map((s) =>
      s.id === 'demo-telco' ? { ...s, status: 'suspended' as const } : s,
    ),
  };
}

describe('source registry with signing keys', () => {
  it('when every active source has a hex key, then sources and keys can be looked up', () => {
    const env = generateDevKeys();
    const registry = new SourceRegistry(createDevelopmentRegistry(), env);
    assert.deepEqual(
      registry.all().map((s) => s.id),
      ['demo-telco', 'demo-registry', 'demo-creditor'],
    );
    assert.equal(registry.get('demo-registry')?.trust, 0.95);
    assert.deepEqual(registry.keyFor('demo-telco'), Buffer.from(env[TELCO_KEY_ENV]!, 'hex'));
    assert.equal(registry.get('nobody'), undefined);
    assert.equal(registry.keyFor('nobody'), undefined);
  });

  it('when an active source key env var is not set, then start-up fails naming the variable, the source and the format', () => {
    const env = { ...generateDevKeys(), [TELCO_KEY_ENV]: undefined };
    const error = keyErrorOf(createDevelopmentRegistry(), env);
    assert.equal(error.problems.length, 1);
    assert.match(
      error.message,
      /RECONTACT_SOURCE_KEY_DEMO_TELCO \(signing key of source demo-telco\) is not set/,
    );
    assert.match(error.message, /hex of at least 32 bytes/);
  });

  it('when a key is shorter than 32 bytes, then start-up fails without printing the key', () => {
    const shortKey = 'ab12'.repeat(15);
    const error = keyErrorOf(createDevelopmentRegistry(), {
      ...generateDevKeys(),
      [TELCO_KEY_ENV]: shortKey,
    });
    assert.match(error.message, /must be at least 64 hex characters/);
    assert.ok(!error.message.includes(shortKey));
  });

  it('when a key is not hex, then start-up fails saying keys are hex', () => {
    const base64Key = Buffer.alloc(48, 7).toString('base64');
    const error = keyErrorOf(createDevelopmentRegistry(), {
      ...generateDevKeys(),
      [TELCO_KEY_ENV]: base64Key,
    });
    assert.match(error.message, /must be hex/);
    assert.ok(!error.message.includes(base64Key));
  });

  it('when two sources are given the same key, then start-up fails', () => {
    const env = generateDevKeys();
    env['RECONTACT_SOURCE_KEY_DEMO_CREDITOR'] = env[TELCO_KEY_ENV]!;
    const error = keyErrorOf(createDevelopmentRegistry(), env);
    assert.match(
      error.message,
      /RECONTACT_SOURCE_KEY_DEMO_CREDITOR holds the same key as source demo-telco/,
    );
  });

  it('when a suspended source has no key, then start-up succeeds and it has no key', () => {
    const env = { ...generateDevKeys(), [TELCO_KEY_ENV]: undefined };
    const registry = new SourceRegistry(withTelcoSuspended(), env);
    assert.equal(registry.get('demo-telco')?.status, 'suspended');
    assert.equal(registry.keyFor('demo-telco'), undefined);
  });
});
