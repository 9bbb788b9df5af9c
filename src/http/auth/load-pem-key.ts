import { X509Certificate, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../config.js';
import { pinnedAlgorithm, type VerificationKey } from './verification-key.js';

const VARIABLE = 'AUTH_JWT_PUBLIC_KEY_FILES';
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

/**
 * One identity-provider key from a PEM file: an SPKI `PUBLIC KEY`, a PKCS#1 `RSA PUBLIC KEY`, or a
 * `CERTIFICATE` (its subject key; a chain's first certificate is the signer's, the rest are
 * ignored). A file holding a private key is refused: the verifier must never see signing material.
 */
export function loadPemKey(file: string): VerificationKey {
  const fail = (problem: string) =>
    new ConfigError([
      `${VARIABLE}: ${file} ${problem} (example: ${VARIABLE}=/etc/recontact/idp-es256.pem)`,
    ]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const blocks = [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1] ?? '', pem: m[0] }));
  if (blocks.some((b) => b.label.includes('PRIVATE')))
    throw fail('holds a private key; give the public key or certificate only');
  const certificates = blocks.filter((b) => b.label === 'CERTIFICATE');
  const keys = blocks.filter((b) => b.label === 'PUBLIC KEY' || b.label === 'RSA PUBLIC KEY');
  if (certificates.length + keys.length === 0) throw fail('holds no PEM public key or certificate');
  if (keys.length > 1 || (keys.length === 1 && certificates.length > 0)) {
    throw fail(
      'holds more than one key; put one key per file and list the files separated by commas',
    );
  }
  let key: KeyObject;
  try {
    key = certificates[0]
      ? new X509Certificate(certificates[0].pem).publicKey
      : createPublicKey(keys[0]?.pem ?? '');
  } catch {
    throw fail('is not a readable PEM key or certificate');
  }
  const alg = pinnedAlgorithm(key);
  if (typeof alg !== 'string') throw fail(alg.problem);
  return { alg, key, source: file };
}
