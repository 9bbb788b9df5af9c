import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from '../../platform/logger.js';
import { problem, sendProblem } from '../problem.js';
import { requireActor } from './authenticate.js';

const WINDOW_MS = 60_000;

/**
 * Requests per minute per token holder (role + subject + creditor), after authentication, so one
 * client cannot starve the others. Counters live in this process's memory: with N replicas a
 * holder may get up to N times the limit, which bounds abuse well enough without a shared store.
 * Unauthenticated traffic is never counted here; limiting by address is the edge proxy's job.
 */
export function subjectRateLimit(deps: { perMinute: number; telephonyPerMinute: number; log: Logger }): RequestHandler {
  const limitOf = (req: Request) => (requireActor(req).role === 'telephony' ? deps.telephonyPerMinute : deps.perMinute);
  // Nested guards (a router-wide one and a route's own) must count a request once.
  const counted = new WeakSet<Request>();
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: limitOf,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: (req) => {
      if (counted.has(req)) return true;
      counted.add(req);
      return false;
    },
    keyGenerator: (req) => {
      const actor = requireActor(req);
      return JSON.stringify([actor.role, actor.subject, actor.creditor ?? null]);
    },
    handler: (req, res) => {
      const used = (req as Request & { rateLimit?: { used: number } }).rateLimit?.used;
      if (used === limitOf(req) + 1) {
        deps.log.warn(
          { requestId: req.requestId, role: req.actor?.role },
          'a token reached its rate limit',
        );
      }
      sendProblem(
        res,
        problem(
          429,
          'RATE_LIMITED',
          'Too many requests',
          'This token has used its requests for this minute; retry after Retry-After seconds.',
          {
            instance: req.requestId,
          },
        ),
      );
    },
    logger: {
      error: (error, message) => deps.log.error({ err: error }, message ?? 'rate limiter failed'),
      warn: (error, message) => deps.log.warn({ err: error }, message ?? 'rate limiter warning'),
    },
  });
}
