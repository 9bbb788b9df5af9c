import type { RequestHandler } from 'express';
import { ROLES, type Role } from '../../src/actor.js';
import { AppError } from '../../src/errors.js';
import type { Guard } from '../../src/http/route-guard.js';

/** Authenticates by an `x-test-role` header instead of a token: routes' own rules are under test. */
export const testGuard: Guard = (roles: readonly Role[]) => {
  const check: RequestHandler = (req, _res, next) => {
    const role = req.get('x-test-role');
    if (role === undefined) return next(new AppError('TOKEN_MISSING', 'No bearer token', { httpStatus: 401 }));
    if (!(ROLES as readonly string[]).includes(role) || !roles.includes(role as Role)) {
      return next(new AppError('ROLE_NOT_PERMITTED', 'Role may not call this route', { httpStatus: 403 }));
    }
    req.actor = { subject: `test-${role}`, role: role as Role };
    next();
  };
  return [check];
};
