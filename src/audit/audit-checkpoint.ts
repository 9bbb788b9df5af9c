import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { canonicalJson } from './canonical-json.js';

/** A signed statement "chain `chain` had head `hash` at `seq`", made at `at`. */
export interface AuditCheckpoint {
  chain: string;
  seq: number;
  hash: string;
  at: string;
  /** Ed25519 over the canonical JSON of `{chain, seq, hash, at}`, base64. */
  signature: string;
  publicKeyId: string;
}

export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyId: string;
}

/** First 16 hex characters of SHA-256 over the SPKI DER: names the key that signed a checkpoint. */
export function publicKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Reads a PKCS#8 PEM Ed25519 private key; the public key is derived from it. */
export function loadAuditSigningKey(file: string): AuditSigningKey {
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `the audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'unknown'} (generate one with: openssl genpkey -algorithm ed25519)`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyId: publicKeyId(publicKey) };
}

/** Reads an SPKI PEM public key, or derives it from a private key PEM. */
export function loadAuditPublicKey(file: string): KeyObject {
  const pem = readFileSync(file);
  return pem.includes('PRIVATE KEY')
    ? createPublicKey(createPrivateKey(pem))
    : createPublicKey(pem);
}

export function signCheckpoint(
  head: { chain: string; seq: number; hash: string; at: string },
  key: AuditSigningKey,
): AuditCheckpoint {
  const statement = checkpointStatement(head);
  return {
    ...head,
    signature: sign(null, statement, key.privateKey).toString('base64'),
    publicKeyId: key.publicKeyId,
  };
}

/** True when one of `publicKeys` signed exactly this checkpoint's chain, seq, hash and time. */
export function checkpointSignatureValid(
  checkpoint: AuditCheckpoint,
  publicKeys: readonly KeyObject[],
): boolean {
  const key = publicKeys.find((k) => publicKeyId(k) === checkpoint.publicKeyId);
  if (key === undefined || typeof checkpoint.signature !== 'string') return false;
  try {
    return verify(
      null,
      checkpointStatement(checkpoint),
      key,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

function checkpointStatement(c: { chain: string; seq: number; hash: string; at: string }): Buffer {
  return Buffer.from(canonicalJson({ chain: c.chain, seq: c.seq, hash: c.hash, at: c.at }));
}
