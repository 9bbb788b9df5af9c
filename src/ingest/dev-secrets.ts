import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
 * folder so producers and restarts use the same ones. Never used against external servers.
 */
export function ensureDevSecrets(stateDir: string): DevSecrets {
  const dir = join(stateDir, 'dev');
  const registryFile = join(dir, 'source-registry.json');
  const secretsFile = join(dir, 'secrets.json');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(registryFile)) writeFileSync(registryFile, JSON.stringify(createDevelopmentRegistry(), null, 2) + '\n');
  if (!existsSync(secretsFile)) {
    const secrets = { IDENTIFIER_HMAC_KEY: randomBytes(32).toString('hex'), ...generateDevKeys() };
    writeFileSync(secretsFile, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  }
  const { IDENTIFIER_HMAC_KEY, ...env } = JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>;
  if (IDENTIFIER_HMAC_KEY === undefined) throw new Error(`${secretsFile} lacks IDENTIFIER_HMAC_KEY; delete the file to regenerate it`);
  return { registryFile, identifierKey: Buffer.from(IDENTIFIER_HMAC_KEY, 'hex'), env };
}
