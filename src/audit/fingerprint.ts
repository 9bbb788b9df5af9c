import { createHmac } from 'node:crypto';

/**
 * A keyed HMAC-SHA256 (hex) of `kind|value`, for putting a personal value (a caller's number, an id
 * number) into an audit record's `fingerprints`: an auditor holding the value and the key can match
 * it; anyone reading the log cannot recover it. `kind` keeps a phone and an id with equal digits apart.
 */
export function fingerprintValue(key: Buffer, kind: string, value: string): string {
  return createHmac('sha256', key).update(`${kind}|${value}`).digest('hex');
}
