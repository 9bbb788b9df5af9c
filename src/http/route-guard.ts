import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { requireActor } from './auth/authenticate.js';

export type { Guard } from './auth/guard.js';
export { requireActor as actorOf } from './auth/authenticate.js';

/** A collector always acts for its creditor; the token's `creditor` claim is the tenant. */
export function collectorOf(req: Parameters<typeof requireActor>[0]): Actor & { creditor: string } {
  const actor = requireActor(req);
  if (actor.role !== 'collector' || actor.creditor === undefined) throw new AppError('INTERNAL', 'route admits collectors only');
  return actor as Actor & { creditor: string };
}
