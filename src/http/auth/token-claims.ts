import { z } from 'zod';
import { ROLES, type Actor, type Role } from '../../actor.js';

/** Printable ASCII without spaces: IdP subjects (UUIDs, `auth0|…`, emails) fit; control characters do not. */
export const SUBJECT_PATTERN = /^[\x21-\x7e]{1,256}$/;
/** A creditor id is a tenant key that ends up in audit records and rate-limit keys, so it stays a plain token. */
export const CREDITOR_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Whether a role's token carries `creditor`. A collector always acts for exactly one creditor; a
 * telephony gateway may be dedicated to one creditor's lines; privacy officers and admins work
 * across tenants, so a creditor on their token is a mis-issued token and is refused rather than
 * silently dropped.
 */
export const CREDITOR_RULE: Record<Role, 'required' | 'optional' | 'forbidden'> = {
  collector: 'required',
  telephony: 'optional',
  privacy_officer: 'forbidden',
  admin: 'forbidden',
};

export interface ClaimRules {
  issuer: string;
  audience: string;
  nowSeconds: number;
  clockToleranceSeconds: number;
  /** Longest accepted span from issue (or now) to `exp`: a stolen token must not outlive a working day. */
  maxLifetimeSeconds: number;
}

/** Which check rejected a token: goes to the audit record and the log, never to the caller. */
export type ClaimFailure =
  | 'payload'
  | 'issuer'
  | 'audience'
  | 'expiry_missing'
  | 'expired'
  | 'not_yet_valid'
  | 'issued_in_future'
  | 'lifetime'
  | 'subject'
  | 'role'
  | 'creditor';

export type ClaimCheck =
  { ok: true; actor: Actor } | { ok: false; failure: ClaimFailure; known?: Actor };

const numericDate = z.number().finite();
const payloadSchema = z.looseObject({
  iss: z.unknown(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  exp: numericDate.optional(),
  nbf: numericDate.optional(),
  iat: numericDate.optional(),
  sub: z.string().regex(SUBJECT_PATTERN).optional(),
  role: z.enum(ROLES).optional(),
  creditor: z.string().regex(CREDITOR_PATTERN).optional(),
});

/**
 * Validates the claims of a token whose signature has already been verified, so `known` (who the
 * token names) is trustworthy enough to put in the audit record of the denial.
 */
export function checkClaims(payload: unknown, rules: ClaimRules): ClaimCheck {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success)
    return {
      ok: false,
      failure: failureOf(parsed.error.issues[0]?.path[0]),
      ...knownFrom(payload),
    };
  const c = parsed.data;
  const known =
    c.sub === undefined
      ? {}
      : { known: { subject: c.sub, role: c.role ?? ('anonymous' as const) } };
  const deny = (failure: ClaimFailure): ClaimCheck => ({ ok: false, failure, ...known });
  const { nowSeconds: now, clockToleranceSeconds: skew } = rules;
  if (c.iss !== rules.issuer) return deny('issuer');
  if (!(Array.isArray(c.aud) ? c.aud : [c.aud]).includes(rules.audience)) return deny('audience');
  if (c.exp === undefined) return deny('expiry_missing');
  if (now >= c.exp + skew) return deny('expired');
  if (c.nbf !== undefined && c.nbf > now + skew) return deny('not_yet_valid');
  if (c.iat !== undefined && c.iat > now + skew) return deny('issued_in_future');
  if (c.exp - Math.min(c.iat ?? now, now) > rules.maxLifetimeSeconds + skew)
    return deny('lifetime');
  if (c.sub === undefined) return deny('subject');
  if (c.role === undefined) return deny('role');
  const rule = CREDITOR_RULE[c.role];
  if (
    (rule === 'required' && c.creditor === undefined) ||
    (rule === 'forbidden' && c.creditor !== undefined)
  )
    return deny('creditor');
  return {
    ok: true,
    actor: {
      subject: c.sub,
      role: c.role,
      ...(c.creditor === undefined ? {} : { creditor: c.creditor }),
    },
  };
}

function failureOf(field: PropertyKey | undefined): ClaimFailure {
  switch (field) {
    case 'aud':
      return 'audience';
    case 'sub':
      return 'subject';
    case 'role':
      return 'role';
    case 'creditor':
      return 'creditor';
    default:
      return 'payload';
  }
}

/** A malformed claim set may still name a well-formed subject; record it, never the raw values. */
function knownFrom(payload: unknown): { known?: Actor } {
  const sub = (payload as { sub?: unknown } | null)?.sub;
  return typeof sub === 'string' && SUBJECT_PATTERN.test(sub)
    ? { known: { subject: sub, role: 'anonymous' } }
    : {};
}
