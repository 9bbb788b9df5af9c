import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AuditEntry, AuditLog } from '../audit/audit-entry.js';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT, type AuditReader } from '../audit/audit-reader.js';
import type { AuditVerification } from '../audit/verify-audit-chain.js';
import { ValidationError } from '../errors.js';
import { actorOf, type Guard } from './route-guard.js';

export interface AuditRoutesDeps {
  reader: AuditReader;
  verify: (range: { fromSeq?: number; toSeq?: number }) => Promise<AuditVerification>;
  guard: Guard;
  /** Where reading the audit log is itself audited. */
  audit: AuditLog;
}

const id = z.string().min(1).max(200);
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
const seq = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const querySchema = z.strictObject({
  personId: id.optional(),
  caseId: id.optional(),
  actor: id.optional(),
  creditor: id.optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/, 'must be a dotted verb such as case.create')
    .max(100)
    .optional(),
  outcome: z.enum(['allowed', 'denied', 'failed']).optional(),
  from: instant.optional(),
  to: instant.optional(),
  after: seq.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_QUERY_LIMIT).default(DEFAULT_QUERY_LIMIT),
});

const verifySchema = z
  .strictObject({ from: seq.optional(), to: seq.optional() })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

/**
 * GET /v1/audit (privacy officers) and GET /v1/audit/verify (privacy officers and admins). Each
 * request is itself appended to the log before it is answered; when that append fails the request
 * fails with 503, so nobody reads the audit trail without leaving one.
 */
export function auditRoutes(deps: AuditRoutesDeps): Router {
  const router = Router();
  router.get('/v1/audit', ...deps.guard(['privacy_officer']), async (req, res) => {
    const filter = parse(querySchema, req.query);
    const used = Object.keys(filter).filter((k) => k !== 'limit');
    await deps.audit.append(
      readEntry(req, 'audit.query', {
        resources: { personId: filter.personId, caseId: filter.caseId, creditor: filter.creditor },
        details: { filters: used.join(',') || 'none', limit: filter.limit },
      }),
    );
    res.json(await deps.reader.query(filter));
  });
  router.get('/v1/audit/verify', ...deps.guard(['privacy_officer', 'admin']), async (req, res) => {
    const range = parse(verifySchema, req.query);
    await deps.audit.append(
      readEntry(req, 'audit.verify', {
        details: { fromSeq: range.from ?? 0, toSeq: range.to ?? 0 },
      }),
    );
    res.json(await deps.verify({ fromSeq: range.from, toSeq: range.to }));
  });
  return router;
}

function readEntry(
  req: Request,
  action: string,
  extra: Pick<AuditEntry, 'resources' | 'details'>,
): AuditEntry {
  return {
    action,
    actor: actorOf(req),
    outcome: 'allowed',
    requestId: req.requestId,
    purpose: 'audit',
    ...extra,
  };
}

function parse<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    'query parameters are invalid',
    parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || '(query)',
      message: issue.message,
    })),
  );
}
