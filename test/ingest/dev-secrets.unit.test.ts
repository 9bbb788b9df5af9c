import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevelopmentRegistry } from '../../src/ingest/dev-registry.js';
import { ensureDevSecrets } from '../../src/ingest/dev-secrets.js';

describe('ensureDevSecrets', () => {
  let stateDir: string;
  beforeEach(() => (stateDir = mkdtempSync(join(tmpdir(), 'recontact-dev-secrets-'))));
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('keeps the generated keys across starts, and brings an outdated demo registry up to date', () => {
    const first = ensureDevSecrets(stateDir);
    const outdated = createDevelopmentRegistry();
    outdated.sources[0]!.permittedFields = ['names'];
    writeFileSync(first.registryFile, JSON.stringify(outdated));

    const second = ensureDevSecrets(stateDir);
    assert.deepEqual(second.identifierKey, first.identifierKey);
    assert.deepEqual(second.env, first.env);
    assert.deepEqual(JSON.parse(readFileSync(second.registryFile, 'utf8')), createDevelopmentRegistry());
  });
});
