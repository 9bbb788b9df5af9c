import type { KeyObject } from 'node:crypto';

/** The only algorithms a token may name; `none` and every other JWA are refused. */
export const TOKEN_ALGORITHMS = ['ES256', 'RS256', 'HS256'] as const;
export type TokenAlgorithm = (typeof TOKEN_ALGORITHMS)[number];

/**
 * A key the verifier trusts, pinned to exactly one algorithm. Pinning per key (not per verifier)
 * is what stops algorithm confusion: a token naming HS256 is only ever checked against the HS256
 * secret, never against the bytes of an RSA or EC public key.
 */
export interface VerificationKey {
  alg: TokenAlgorithm;
  key: KeyObject;
  /** The JWKS `kid`; PEM files and the HS256 secret have none. */
  kid?: string;
  /** Where the key came from, for start-up messages: a file name or a variable name. */
  source: string;
}

const MIN_RSA_BITS = 2048;

/**
 * The one algorithm a public key may verify, or a reason it is unusable. EC keys must be on P-256
 * (ES256's curve); RSA keys at least 2048 bits. RSA-PSS, Ed25519 and other curves are refused
 * rather than guessed at.
 */
export function pinnedAlgorithm(key: KeyObject): TokenAlgorithm | { problem: string } {
  if (key.type !== 'public')
    return { problem: `holds a ${key.type} key; give the public key only` };
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ec':
      return details.namedCurve === 'prime256v1'
        ? 'ES256'
        : {
            problem: `is an EC key on ${details.namedCurve ?? 'an unknown curve'}; only P-256 (ES256) is accepted`,
          };
    case 'rsa':
      return (details.modulusLength ?? 0) >= MIN_RSA_BITS
        ? 'RS256'
        : {
            problem: `is a ${details.modulusLength ?? '?'}-bit RSA key; at least ${MIN_RSA_BITS} bits are required`,
          };
    default:
      return {
        problem: `is a ${key.asymmetricKeyType ?? 'unknown'} key; only EC P-256 (ES256) and RSA (RS256) are accepted`,
      };
  }
}
