import { readFileSync } from 'node:fs';
import jwt from 'jsonwebtoken';
import type { Role } from '../../src/actor.js';
import { TEST_TOKEN_ISSUER } from './test-sources.js';

/** A token as the suite's identity provider would issue it (ES256, the key the fixture configured). */
export function tokenFor(role: Role, creditor?: string, subject = `${role}-${creditor ?? 'staff'}`): string {
  const keyFile = process.env.RECONTACT_TEST_TOKEN_KEY_FILE;
  if (keyFile === undefined) throw new Error('RECONTACT_TEST_TOKEN_KEY_FILE is not set: run under the global fixture');
  return jwt.sign({ role, ...(creditor === undefined ? {} : { creditor }) }, readFileSync(keyFile, 'utf8'), {
    algorithm: 'ES256',
    issuer: TEST_TOKEN_ISSUER,
    audience: 'recontact',
    subject,
    expiresIn: '1h',
  });
}
