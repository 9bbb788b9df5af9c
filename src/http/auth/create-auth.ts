import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';
import type { AuditLog } from '../../audit/audit-entry.js';
import type { Logger } from '../../platform/logger.js';
import { createGuard, type Guard } from './guard.js';
import { loadVerificationKeys } from './load-verification-keys.js';
import { TokenVerifier } from './token-verifier.js';

export interface AuthDeps {
  config: Config['auth'];
  audit: AuditLog;
  log: Logger;
  clock?: () => Date;
}

export interface Auth {
  verifier: TokenVerifier;
  guard: Guard;
}

/** Loads the keys once at start-up (failing fast on a bad file) and builds the guard routers receive. */
export function createAuth(deps: AuthDeps): Auth {
  const { config } = deps;
  if (config.issuer === undefined) {
    throw new ConfigError([
      'AUTH_JWT_ISSUER: required to verify tokens (example: AUTH_JWT_ISSUER=https://idp.example-bank.internal)',
    ]);
  }
  const keys = loadVerificationKeys(config);
  if (keys.length === 0) {
    throw new ConfigError([
      'AUTH_JWT_PUBLIC_KEY_FILES: no token verification key is configured; set it or AUTH_JWKS_FILE ' +
        '(example: AUTH_JWT_PUBLIC_KEY_FILES=/etc/recontact/idp-es256.pem)',
    ]);
  }
  deps.log.info(
    { keys: keys.map((k) => ({ alg: k.alg, kid: k.kid, source: k.source })) },
    'token verification keys loaded',
  );
  const verifier = new TokenVerifier({
    keys,
    issuer: config.issuer,
    audience: config.audience,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  return {
    verifier,
    guard: createGuard({
      verifier,
      audit: deps.audit,
      log: deps.log,
      rateLimitPerMinute: config.rateLimitPerMinute,
      telephonyRateLimitPerMinute: config.telephonyRateLimitPerMinute,
    }),
  };
}
