import type { RequestHandler } from 'express';
import { ROLES, type Role } from '../../actor.js';
import { deny, type DenialDeps } from './auth-denial.js';
import { authenticate } from './authenticate.js';
import { subjectRateLimit } from './subject-rate-limit.js';
import type { TokenVerifier } from './token-verifier.js';

/**
 * What a router receives to protect its routes: `router.get('/v1/x', guard(['admin']), handler)`.
 * The handlers authenticate (setting `req.actor`), rate-limit per token, then check the role.
 */
export type Guard = (roles: readonly Role[]) => RequestHandler[];

export interface GuardDeps extends DenialDeps {
  verifier: TokenVerifier;
  rateLimitPerMinute: number;
  telephonyRateLimitPerMinute?: number;
}

/** One authenticator and one rate limiter shared by every route, so a token's budget is per process, not per route. */
export function createGuard(deps: GuardDeps): Guard {
  const authenticated = authenticate(deps.verifier, deps);
  const limited = subjectRateLimit({ perMinute: deps.rateLimitPerMinute, telephonyPerMinute: deps.telephonyRateLimitPerMinute ?? deps.rateLimitPerMinute, log: deps.log });
  return (roles) => [authenticated, limited, requireRole(roles, deps)];
}

function requireRole(roles: readonly Role[], deps: DenialDeps): RequestHandler {
  if (roles.length === 0 || roles.some((r) => !ROLES.includes(r))) {
    throw new Error(
      `guard: a route must admit at least one of ${ROLES.join(', ')}; got [${roles.join(', ')}]`,
    );
  }
  const admits = [...roles].sort().join(',');
  return async (req, res, next) => {
    const actor = req.actor;
    if (actor !== undefined && (roles as readonly string[]).includes(actor.role)) return next();
    await deny(deps, req, res, {
      code: 'ROLE_NOT_PERMITTED',
      ...(actor ? { actor } : {}),
      details: { admits },
    });
  };
}
