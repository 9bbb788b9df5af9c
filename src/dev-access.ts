import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The issuer of development tokens; a deployment names its identity provider in AUTH_JWT_ISSUER. */
export const DEV_TOKEN_ISSUER = 'recontact-local-dev';

/** A small pool of relay numbers from a test range; production pools come only from RELAY_POOL. */
export const DEV_RELAY_POOL = '+8617000000000-+8617000000199';

export interface AccessKeyFiles {
  /** ES256 private key that `recontact token` signs development tokens with. */
  tokenPrivateKeyFile: string;
  tokenPublicKeyFile: string;
  /** Ed25519 private key that signs audit checkpoints. */
  auditSigningKeyFile: string;
  auditPublicKeyFile: string;
}

/**
 * Local runs only: a token-signing key pair and an audit-checkpoint key, kept with the other
 * development secrets so restarts and `recontact token` use the same ones.
 */
export function ensureAccessKeys(dir: string): AccessKeyFiles {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files: AccessKeyFiles = {
    tokenPrivateKeyFile: join(dir, 'token-es256.key.pem'),
    tokenPublicKeyFile: join(dir, 'token-es256.pub.pem'),
    auditSigningKeyFile: join(dir, 'audit-ed25519.key.pem'),
    auditPublicKeyFile: join(dir, 'audit-ed25519.pub.pem'),
  };
  if (!existsSync(files.tokenPrivateKeyFile) || !existsSync(files.tokenPublicKeyFile)) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writePem(files.tokenPrivateKeyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
    writePem(files.tokenPublicKeyFile, pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 0o644);
  }
  if (!existsSync(files.auditSigningKeyFile) || !existsSync(files.auditPublicKeyFile)) {
    const pair = generateKeyPairSync('ed25519');
    writePem(files.auditSigningKeyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
    writePem(files.auditPublicKeyFile, pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 0o644);
  }
  return files;
}

function writePem(file: string, pem: string, mode: number): void {
  writeFileSync(file, pem, { mode });
}
