import type { RequestHandler } from 'express';
import type { Actor, Role } from '../actor.js';
import { AppError } from '../errors.js';

/** Authenticates the caller and admits only the given roles; sets `req.actor`. */
export type Guard = (roles: readonly Role[]) => RequestHandler[];

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

/** The actor a guarded route runs as; a route reached without a guard is a wiring bug. */
export function actorOf(req: { actor?: Actor }): Actor {
  if (req.actor === undefined) throw new AppError('INTERNAL', 'route is not guarded');
  return req.actor;
}

/** A collector always acts for its creditor; the token's `creditor` claim is the tenant. */
export function collectorOf(req: { actor?: Actor }): Actor & { creditor: string } {
  const actor = actorOf(req);
  if (actor.creditor === undefined) throw new AppError('INTERNAL', 'collector without a creditor');
  return actor as Actor & { creditor: string };
}
