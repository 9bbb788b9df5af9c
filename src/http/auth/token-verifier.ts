import jwt from 'jsonwebtoken';
import type { Actor } from '../../actor.js';
import { checkClaims, type ClaimFailure } from './token-claims.js';
import { TOKEN_ALGORITHMS, type TokenAlgorithm, type VerificationKey } from './verification-key.js';

export interface TokenVerifierOptions {
  keys: readonly VerificationKey[];
  issuer: string;
  audience: string;
  clock?: () => Date;
  /** Allowed skew between the identity provider's clock and ours. */
  clockToleranceSeconds?: number;
  /** Tokens valid for longer than this are refused even if correctly signed. */
  maxLifetimeSeconds?: number;
}

export type TokenCheck = 'malformed' | 'algorithm' | 'key' | 'signature' | ClaimFailure;

/** `check` says which test failed; it is for the audit record and the log, never for the caller. */
export type TokenVerification =
  | { ok: true; actor: Actor }
  | { ok: false; code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED'; check: TokenCheck; known?: Actor };

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
export const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 3600;
/** Far above any real token; stops a huge header from costing a parse. */
const MAX_TOKEN_LENGTH = 8192;
/**
 * Tokens whose signature was verified, kept so a client's next request skips the signature check,
 * which costs more CPU than the rest of a routing request. The keys are loaded once at start-up, so
 * a signature once valid stays valid; the claims (expiry above all) are still checked every time.
 */
const VERIFIED_TOKENS = 1_000;

/**
 * Verifies bearer tokens in two steps: the library checks the signature with the algorithm pinned
 * to the chosen key, then `checkClaims` checks issuer, audience, time and role claims. Doing the
 * claim checks ourselves lets a denial say which check failed and who the (authentic) token named.
 */
export class TokenVerifier {
  private readonly clock: () => Date;
  /** Token → its payload, oldest first. */
  private readonly verified = new Map<string, unknown>();

  constructor(private readonly options: TokenVerifierOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  verify(token: string): TokenVerification {
    const signed = this.verified.has(token)
      ? { payload: this.verified.get(token) }
      : this.checkSignature(token);
    if ('ok' in signed) return signed;
    const { payload } = signed;
    const claims = checkClaims(payload, {
      issuer: this.options.issuer,
      audience: this.options.audience,
      nowSeconds: Math.floor(this.clock().getTime() / 1000),
      clockToleranceSeconds: this.options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
      maxLifetimeSeconds: this.options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS,
    });
    if (claims.ok) return claims;
    return {
      ok: false,
      code: claims.failure === 'expired' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID',
      check: claims.failure,
      ...(claims.known ? { known: claims.known } : {}),
    };
  }

  private checkSignature(
    token: string,
  ): { payload: unknown } | (TokenVerification & { ok: false }) {
    const header = token.length <= MAX_TOKEN_LENGTH ? headerOf(token) : undefined;
    if (header === undefined) return { ok: false, code: 'TOKEN_INVALID', check: 'malformed' };
    if (!isTokenAlgorithm(header.alg))
      return { ok: false, code: 'TOKEN_INVALID', check: 'algorithm' };
    const candidates = this.candidates(header.alg, header.kid);
    if (candidates.length === 0) return { ok: false, code: 'TOKEN_INVALID', check: 'key' };
    const payload = firstVerified(token, candidates);
    if (payload === undefined) return { ok: false, code: 'TOKEN_INVALID', check: 'signature' };
    if (this.verified.size >= VERIFIED_TOKENS)
      this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, payload);
    return { payload };
  }

  /**
   * Keys of the token's algorithm only. A `kid` that matches selects that key alone; an unknown
   * `kid` falls back to the keys that have none (PEM files, the HS256 secret).
   */
  private candidates(alg: TokenAlgorithm, kid: unknown): VerificationKey[] {
    const sameAlg = this.options.keys.filter((k) => k.alg === alg);
    if (typeof kid !== 'string') return sameAlg;
    const byKid = sameAlg.filter((k) => k.kid === kid);
    return byKid.length > 0 ? byKid : sameAlg.filter((k) => k.kid === undefined);
  }
}

function headerOf(token: string): { alg: unknown; kid: unknown } | undefined {
  try {
    const decoded = jwt.decode(token, { complete: true });
    return decoded ? { alg: decoded.header.alg, kid: decoded.header.kid } : undefined;
  } catch {
    return undefined;
  }
}

function isTokenAlgorithm(alg: unknown): alg is TokenAlgorithm {
  return (TOKEN_ALGORITHMS as readonly unknown[]).includes(alg);
}

/** Time claims are skipped here because `checkClaims` applies them with our clock and tolerance. */
function firstVerified(token: string, keys: readonly VerificationKey[]): unknown {
  for (const k of keys) {
    try {
      return jwt.verify(token, k.key, {
        algorithms: [k.alg],
        ignoreExpiration: true,
        ignoreNotBefore: true,
      });
    } catch {
      // Another key of the same algorithm may have signed it.
    }
  }
  return undefined;
}
