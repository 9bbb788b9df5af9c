import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDevelopmentRegistry, generateDevKeys } from './dev-registry.js';

export interface DevSecrets {
  registryFile: string;
  identifierKey: Buffer;
  /** Signing keys of the demo sources, by the env var names the development registry gives. */
  env: Record<string, string>;
}

/**
 * Local runs only: a development source registry and generated keys, kept under the infra state
 * folder so producers and restarts use the same ones. Never used against external servers. The
 * keys are state and are kept; the registry is code, rewritten when the code's version differs,
 * so a changed demo source reaches existing local state (to experiment, edit a copy and point
 * SOURCE_REGISTRY_FILE at it).
 */
export function ensureDevSecrets(stateDir: string): DevSecrets {
  const dir = join(stateDir, 'dev');
  const registryFile = join(dir, 'source-registry.json');
  const secretsFile = join(dir, 'secrets.json');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeIfChanged(registryFile, JSON.stringify(createDevelopmentRegistry(), null, 2) + '\n');
  if (!existsSync(secretsFile)) {
    const secrets = { IDENTIFIER_HMAC_KEY: randomBytes(32).toString('hex'), ...generateDevKeys() };
    writeFileSync(secretsFile, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  }
  const { IDENTIFIER_HMAC_KEY, ...env } = JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>;
  if (IDENTIFIER_HMAC_KEY === undefined) throw new Error(`${secretsFile} lacks IDENTIFIER_HMAC_KEY; delete the file to regenerate it`);
  return { registryFile, identifierKey: Buffer.from(IDENTIFIER_HMAC_KEY, 'hex'), env };
}

// Written aside and renamed, so a process starting at the same moment never reads half a file.
function writeIfChanged(file: string, content: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, content);
  renameSync(aside, file);
}
