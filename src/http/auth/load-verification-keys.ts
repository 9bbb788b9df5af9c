import { createSecretKey } from 'node:crypto';
import type { Config } from '../../config.js';
import { loadJwks } from './load-jwks.js';
import { loadPemKey } from './load-pem-key.js';
import type { VerificationKey } from './verification-key.js';

export type KeySettings = Pick<Config['auth'], 'publicKeyFiles' | 'jwksFile' | 'hs256Secret'>;

/** Every configured key, each pinned to its algorithm; the HS256 secret only when config enabled it. */
export function loadVerificationKeys(settings: KeySettings): VerificationKey[] {
  const keys = settings.publicKeyFiles.map(loadPemKey);
  if (settings.jwksFile !== undefined) keys.push(...loadJwks(settings.jwksFile));
  if (settings.hs256Secret !== undefined) {
    keys.push({
      alg: 'HS256',
      key: createSecretKey(Buffer.from(settings.hs256Secret, 'utf8')),
      source: 'AUTH_HS256_SECRET',
    });
  }
  return keys;
}
