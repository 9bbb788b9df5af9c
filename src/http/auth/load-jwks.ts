import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../../config.js';
import { pinnedAlgorithm, type VerificationKey } from './verification-key.js';

const VARIABLE = 'AUTH_JWKS_FILE';

const jwksSchema = z.object({
  keys: z.array(
    z.looseObject({
      kty: z.string(),
      kid: z.string().min(1).optional(),
      alg: z.string().optional(),
      use: z.string().optional(),
    }),
  ),
});

/**
 * The identity provider's signing keys from a JWKS document (RFC 7517), each pinned to the one
 * algorithm its type allows. Encryption keys (`use` other than `sig`) are skipped; symmetric
 * (`oct`) and private keys are refused: an HMAC secret belongs in AUTH_HS256_SECRET, never in a
 * file of public keys.
 */
export function loadJwks(file: string): VerificationKey[] {
  const fail = (problem: string) =>
    new ConfigError([
      `${VARIABLE}: ${file} ${problem} (example: ${VARIABLE}=/etc/recontact/jwks.json holding {"keys":[{"kty":"EC","kid":"k1",...}]})`,
    ]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(code ? `cannot be read (${code})` : 'is not valid JSON');
  }
  const parsed = jwksSchema.safeParse(raw);
  if (!parsed.success) throw fail('is not a JWKS document: it needs a "keys" array of JWK objects');
  const signing = parsed.data.keys.filter((jwk) => jwk.use === undefined || jwk.use === 'sig');
  if (signing.length === 0) throw fail('holds no signing key');
  const kids = new Set<string>();
  return signing.map((jwk, index) => {
    const name = jwk.kid === undefined ? `key #${index + 1}` : `key "${jwk.kid}"`;
    if (jwk.kid !== undefined) {
      if (kids.has(jwk.kid)) throw fail(`has two keys with kid "${jwk.kid}"; kids must be unique`);
      kids.add(jwk.kid);
    }
    if (jwk.kty === 'oct')
      throw fail(`${name} is a symmetric key; only EC P-256 and RSA public keys are accepted`);
    if ('d' in jwk) throw fail(`${name} holds private key material; publish the public key only`);
    let key: KeyObject;
    try {
      key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch {
      throw fail(`${name} is not a usable public JWK (EC needs crv, x, y; RSA needs n, e)`);
    }
    const alg = pinnedAlgorithm(key);
    if (typeof alg !== 'string') throw fail(`${name} ${alg.problem}`);
    if (jwk.alg !== undefined && jwk.alg !== alg)
      throw fail(`${name} declares alg ${jwk.alg} but its key type only allows ${alg}`);
    return { alg, key, source: file, ...(jwk.kid === undefined ? {} : { kid: jwk.kid }) };
  });
}
