import type { Request, Response } from 'express';
import type { Actor } from '../../actor.js';
import type { AuditLog } from '../../audit/audit-entry.js';
import type { Logger } from '../../platform/logger.js';
import { problem, sendProblem, type Problem } from '../problem.js';

export type DenialCode = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'ROLE_NOT_PERMITTED';

export interface DenialDeps {
  audit: AuditLog;
  log: Logger;
}

export interface Denial {
  code: DenialCode;
  /** Who the token named, when its signature held; otherwise the caller is anonymous. */
  actor?: Actor;
  /** Non-personal facts for the auditor: which check failed, which roles the route admits. */
  details?: Record<string, string>;
}

const ANONYMOUS: Actor = { subject: 'anonymous', role: 'anonymous' };

const ANSWERS: Record<DenialCode, { status: number; title: string; detail: string }> = {
  TOKEN_MISSING: {
    status: 401,
    title: 'Authentication required',
    detail: 'Send a bearer token: Authorization: Bearer <token>.',
  },
  TOKEN_INVALID: {
    status: 401,
    title: 'Token rejected',
    detail: 'The bearer token is not valid for this service.',
  },
  TOKEN_EXPIRED: {
    status: 401,
    title: 'Token expired',
    detail: 'The bearer token has expired; obtain a new one.',
  },
  ROLE_NOT_PERMITTED: {
    status: 403,
    title: 'Role not permitted',
    detail: "This route does not admit the token's role.",
  },
};

/**
 * Audits a denial, then answers it. A failed audit write is logged and the request is denied
 * anyway: a denial changes nothing and discloses nothing, so failing closed costs no evidence.
 * The answer never carries the token, its claims or the failed check (no oracle for forgers).
 */
export async function deny(
  deps: DenialDeps,
  req: Request,
  res: Response,
  denial: Denial,
): Promise<void> {
  try {
    await deps.audit.append({
      action: 'auth.deny',
      actor: denial.actor ?? ANONYMOUS,
      outcome: 'denied',
      reason: denial.code,
      requestId: req.requestId,
      details: { method: req.method, route: routePattern(req), ...denial.details },
    });
  } catch (error) {
    deps.log.warn(
      { err: error, requestId: req.requestId, reason: denial.code },
      'audit of an access denial failed; denied anyway',
    );
  }
  const answer = ANSWERS[denial.code];
  if (answer.status === 401) res.setHeader('WWW-Authenticate', challenge(denial.code));
  sendProblem(
    res,
    problem(answer.status, denial.code, answer.title, answer.detail, {
      instance: req.requestId,
    }) satisfies Problem,
  );
}

/** RFC 6750 §3.1: a request without credentials gets a bare challenge, a bad token gets `invalid_token`. */
function challenge(code: DenialCode): string {
  return code === 'TOKEN_MISSING'
    ? 'Bearer realm="recontact"'
    : 'Bearer realm="recontact", error="invalid_token"';
}

/** The route pattern, never the raw path: a path may hold an id the audit record should not repeat. */
export function routePattern(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? req.baseUrl + pattern : `${req.baseUrl}/*`;
}
