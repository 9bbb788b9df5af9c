import { strict as assert } from 'node:assert';
import {
  parseSourceRegistry,
  parseSourceRegistryText,
  SourceRegistryError,
} from '../../contracts/source-registry.js';
import type { SourceDefinition } from '../../contracts/source-registry.js';

const WHERE = 'config/sources.json';

function source(id: string, overrides: Partial<Record<keyof SourceDefinition, unknown>> = {}) {
  return {
    id,
    name: `Source ${id}`,
    kind: 'telecom',
    status: 'active',
    signingKeyEnv: `RECONTACT_SOURCE_KEY_${id.toUpperCase().replace(/-/g, '_')}`,
    permittedFields: ['names', 'phones'],
    trust: 0.8,
    legalBasis: 'PIPL Art. 13(2) contract performance',
    retentionDays: 365,
    ...overrides,
  };
}

function errorOf(parse: () => unknown): SourceRegistryError {
  try {
    parse();
  } catch (error) {
    if (error instanceof SourceRegistryError) return error;
    throw error;
  }
  assert.fail('expected a SourceRegistryError');
}

describe('source registry file', () => {
  it('when the file is well formed, then every source is returned as written', () => {
    const file = parseSourceRegistry(
      { version: 1, sources: [source('telco-a'), source('bank-b')] },
      WHERE,
    );
    assert.deepEqual(
      file.sources.map((s) => s.id),
      ['telco-a', 'bank-b'],
    );
    assert.equal(file.sources[0]?.trust, 0.8);
  });

  it('when a trust is above 1, then the error names the file, the path and a good value', () => {
    const sources = [source('a'), source('b'), source('c', { trust: 1.2 })];
    const error = errorOf(() => parseSourceRegistry({ version: 1, sources }, WHERE));
    assert.match(error.message, /config\/sources\.json/);
    assert.match(error.message, /sources\[2\]\.trust: must be from 0 to 1 \(good value: 0\.8\)/);
    assert.deepEqual(
      error.problems.map((p) => p.path),
      ['sources[2].trust'],
    );
  });

  it('when two sources share an id, then the later one is named', () => {
    const error = errorOf(() =>
      parseSourceRegistry(
        { version: 1, sources: [source('a'), source('a', { signingKeyEnv: 'K_2' })] },
        WHERE,
      ),
    );
    assert.deepEqual(
      error.problems.map((p) => p.path),
      ['sources[1].id'],
    );
  });

  it('when two sources share a key env var, then the later one is named', () => {
    const error = errorOf(() =>
      parseSourceRegistry(
        {
          version: 1,
          sources: [source('a'), source('b', { signingKeyEnv: 'RECONTACT_SOURCE_KEY_A' })],
        },
        WHERE,
      ),
    );
    assert.deepEqual(
      error.problems.map((p) => p.path),
      ['sources[1].signingKeyEnv'],
    );
  });

  it('when permittedFields names an unknown group, then the error lists the valid groups', () => {
    const error = errorOf(() =>
      parseSourceRegistry(
        { version: 1, sources: [source('a', { permittedFields: ['names', 'income'] })] },
        WHERE,
      ),
    );
    assert.match(
      error.message,
      /sources\[0\]\.permittedFields\[1\]: .*good value: a subset of \["names"/,
    );
  });

  it('when legalBasis is blank or retentionDays is 0, then both are reported', () => {
    const error = errorOf(() =>
      parseSourceRegistry(
        { version: 1, sources: [source('a', { legalBasis: '  ', retentionDays: 0 })] },
        WHERE,
      ),
    );
    assert.deepEqual(error.problems.map((p) => p.path).sort(), [
      'sources[0].legalBasis',
      'sources[0].retentionDays',
    ]);
  });

  it('when a source holds an unknown key such as the signing key itself, then it is rejected', () => {
    const error = errorOf(() =>
      parseSourceRegistry(
        { version: 1, sources: [{ ...source('a'), signingKey: 'ab'.repeat(32) }] },
        WHERE,
      ),
    );
    assert.deepEqual(
      error.problems.map((p) => p.path),
      ['sources[0].signingKey'],
    );
    assert.doesNotMatch(error.message, /abab/);
  });

  it('when the version is not 1, then the error names version', () => {
    const error = errorOf(() => parseSourceRegistry({ version: 2, sources: [] }, WHERE));
    assert.match(error.message, /version: .*\(good value: 1\)/);
  });

  it('when the text is not JSON, then the error names the file', () => {
    const error = errorOf(() => parseSourceRegistryText('{ "version": 1, ', WHERE));
    assert.match(
      error.message,
      /Invalid source registry config\/sources\.json:\n {2}- \(root\): is not valid JSON/,
    );
  });
});
