import type { Request, RequestHandler } from 'express';
import type { Actor } from '../../actor.js';
import { AppError } from '../../errors.js';
import { deny, type DenialDeps } from './auth-denial.js';
import type { TokenVerifier } from './token-verifier.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `authenticate` (and so by every `guard`) from a verified bearer token. */
    actor?: Actor;
  }
}

/** RFC 6750 b64token; anything else after `Bearer ` is garbled, not absent. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Verifies `Authorization: Bearer …` and sets `req.actor`; every failure is a 401 and an audit record. */
export function authenticate(verifier: TokenVerifier, deps: DenialDeps): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined || !/^bearer\b/i.test(header.trim())) {
      return deny(deps, req, res, { code: 'TOKEN_MISSING' });
    }
    // Node keeps the first of repeated Authorization headers; a request carrying two is ambiguous
    // about who is calling, so it is refused rather than judged by whichever came first.
    const token = authorizationCount(req) === 1 ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined) {
      return deny(deps, req, res, { code: 'TOKEN_INVALID', details: { check: 'header' } });
    }
    const result = verifier.verify(token);
    if (!result.ok) {
      return deny(deps, req, res, {
        code: result.code,
        ...(result.known ? { actor: result.known } : {}),
        details: { check: result.check },
      });
    }
    req.actor = result.actor;
    next();
  };
}

function authorizationCount(req: Request): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === 'authorization') count++;
  return count;
}

/** The authenticated actor in a handler behind `guard`; a missing one means the route forgot its guard. */
export function requireActor(req: Request): Actor {
  if (req.actor === undefined)
    throw new AppError('ACTOR_MISSING', 'Route is not guarded', { httpStatus: 500 });
  return req.actor;
}
