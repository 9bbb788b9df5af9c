import { execFileSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';

export const ISSUER = 'https://idp.test';
export const AUDIENCE = 'recontact';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The SPKI PEM text, which an algorithm-confusion attack uses as an HMAC secret. */
  publicPem: string;
}

export function ecKeyPair(namedCurve = 'P-256'): KeyPair {
  return withPem(generateKeyPairSync('ec', { namedCurve }));
}

export function rsaKeyPair(modulusLength = 2048): KeyPair {
  return withPem(generateKeyPairSync('rsa', { modulusLength }));
}

function withPem(pair: { privateKey: KeyObject; publicKey: KeyObject }): KeyPair {
  return { ...pair, publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'recontact-auth-'));
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export function writeJwks(
  dir: string,
  keys: { pair: KeyPair; kid?: string; extra?: Record<string, unknown> }[],
): string {
  const jwks = {
    keys: keys.map(({ pair, kid, extra }) => ({
      ...pair.publicKey.export({ format: 'jwk' }),
      ...(kid ? { kid } : {}),
      use: 'sig',
      ...extra,
    })),
  };
  return writeFile(dir, `jwks-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(jwks));
}

/** A self-signed certificate for `pair`, made with the openssl command line; undefined when it is absent. */
export function selfSignedCertificate(dir: string, pair: KeyPair): string | undefined {
  const keyFile = writeFile(
    dir,
    'cert-key.pem',
    pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-key', keyFile, '-subj', '/CN=idp.test', '-days', '1', '-out', certFile],
      { stdio: 'ignore' },
    );
    return certFile;
  } catch {
    return undefined;
  }
}

const now = () => Math.floor(Date.now() / 1000);

/** Claims of a valid collector token; tests override one claim at a time. */
export function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'alice',
    role: 'collector',
    creditor: 'c1',
    iat: now(),
    exp: now() + 600,
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base;
}

export function sign(
  payload: Record<string, unknown>,
  key: KeyObject | string,
  algorithm: jwt.Algorithm,
  kid?: string,
): string {
  return jwt.sign(payload, key, { algorithm, ...(kid ? { keyid: kid } : {}) });
}

export const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned token (`alg: none`), as an attacker would hand-craft it. */
export function unsignedToken(payload: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
}

/** Keeps header and signature, swaps in edited claims: the classic tampering attempt. */
export function withPayload(
  token: string,
  edit: (p: Record<string, unknown>) => Record<string, unknown>,
): string {
  const [header, payload, signature] = token.split('.');
  const decoded = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
  return `${header}.${base64url(edit(decoded))}.${signature}`;
}

/** HS256 over header and claims with any bytes as the secret, e.g. a public key's PEM text. */
export function hmacToken(payload: Record<string, unknown>, secret: string): string {
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}
