import { ROLES, type Role } from '../actor.js';
import { CREDITOR_PATTERN, CREDITOR_RULE, SUBJECT_PATTERN } from '../http/auth/token-claims.js';
import { DEFAULT_MAX_LIFETIME_SECONDS } from '../http/auth/token-verifier.js';
import { parseCommandArgs } from './args.js';
import { CliError } from './cli-error.js';

export const tokenUsage =
  'recontact token --role <role> [--creditor <id>] [--ttl 1h] [--sub <subject>] [--key <private.pem> --issuer <iss>] [--audience <aud>]';

export interface TokenRequest {
  role: Role;
  creditor: string | undefined;
  subject: string;
  ttlSeconds: number;
  keyFile: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** The flags of `recontact token`, checked against the same rules the verifier applies to claims. */
export function parseTokenRequest(args: string[]): TokenRequest {
  const { values, positionals } = parseCommandArgs('token', args, {
    role: { type: 'string' },
    creditor: { type: 'string' },
    ttl: { type: 'string' },
    sub: { type: 'string' },
    key: { type: 'string' },
    issuer: { type: 'string' },
    audience: { type: 'string' },
  });
  const fail = (message: string) =>
    new CliError(`recontact token: ${message}\nusage: ${tokenUsage}`);
  if (positionals.length > 0) throw fail(`unexpected argument '${positionals[0]}'`);
  const role = ROLES.find((r) => r === values.role);
  if (role === undefined) {
    const got =
      values.role === undefined ? 'is required' : `must be one of the roles (got '${values.role}')`;
    throw fail(`--role ${got}; roles: ${ROLES.join(', ')} (example: --role collector)`);
  }
  const rule = CREDITOR_RULE[role];
  if (rule === 'required' && values.creditor === undefined)
    throw fail(`--creditor is required with --role ${role} (example: --creditor c1)`);
  if (rule === 'forbidden' && values.creditor !== undefined) {
    throw fail(
      `--creditor is not allowed with --role ${role}: ${role} tokens are not bound to one creditor`,
    );
  }
  if (values.creditor !== undefined && !CREDITOR_PATTERN.test(values.creditor)) {
    throw fail(
      '--creditor may use only letters, digits, dots, underscores and dashes, at most 64 (example: --creditor c1)',
    );
  }
  const subject = values.sub ?? `dev-${role}`;
  if (!SUBJECT_PATTERN.test(subject))
    throw fail('--sub must be 1 to 256 printable characters without spaces (example: --sub alice)');
  if (values.issuer === '' || values.audience === '')
    throw fail(`--${values.issuer === '' ? 'issuer' : 'audience'} must not be empty`);
  return {
    role,
    creditor: values.creditor,
    subject,
    ttlSeconds: parseTtl(values.ttl ?? '1h', fail),
    keyFile: values.key,
    issuer: values.issuer,
    audience: values.audience,
  };
}

/** `30m`, `1h`, `1d`: the verifier refuses tokens valid for more than 24 h, so minting one is refused too. */
function parseTtl(raw: string, fail: (message: string) => CliError): number {
  const match = /^(\d{1,6})([smhd])$/.exec(raw);
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[match[2] ?? ''] ?? 0) : 0;
  if (seconds < 1 || seconds > DEFAULT_MAX_LIFETIME_SECONDS) {
    throw fail(
      `--ttl must be a number with s, m, h or d, from 1s to 24h (got '${raw}'; example: --ttl 30m)`,
    );
  }
  return seconds;
}
