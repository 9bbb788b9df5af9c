import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { ConfigError, type Config } from '../../../src/config.js';
import { createAuth } from '../../../src/http/auth/create-auth.js';
import { createLogger } from '../../../src/platform/logger.js';
import { FakeAuditLog } from './fake-audit-log.js';
import { AUDIENCE, ISSUER, claims, ecKeyPair, sign, tempDir, writeFile } from './token-fixtures.js';

describe('createAuth (wiring)', () => {
  const idp = ecKeyPair();
  const keyFile = writeFile(tempDir(), 'idp.pem', idp.publicPem);
  const settings = (overrides: Partial<Config['auth']>): Config['auth'] => ({
    publicKeyFiles: [keyFile],
    jwksFile: undefined,
    issuer: ISSUER,
    audience: AUDIENCE,
    hs256Secret: undefined,
    rateLimitPerMinute: 10,
    telephonyRateLimitPerMinute: 10,
    ...overrides,
  });
  const capture = () => {
    const lines: string[] = [];
    const log = createLogger(
      'info',
      new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }),
    );
    return { lines, log };
  };

  it('when no issuer is configured, then start-up fails naming AUTH_JWT_ISSUER', () => {
    assert.throws(
      () =>
        createAuth({
          config: settings({ issuer: undefined }),
          audit: new FakeAuditLog(),
          log: capture().log,
        }),
      (error: unknown) =>
        error instanceof ConfigError && /AUTH_JWT_ISSUER: required/.test(error.message),
    );
  });

  it('when no key is configured, then start-up fails naming AUTH_JWT_PUBLIC_KEY_FILES and AUTH_JWKS_FILE', () => {
    assert.throws(
      () =>
        createAuth({
          config: settings({ publicKeyFiles: [] }),
          audit: new FakeAuditLog(),
          log: capture().log,
        }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /AUTH_JWT_PUBLIC_KEY_FILES: .*AUTH_JWKS_FILE/.test(error.message),
    );
  });

  it('when keys load, then the log lists their algorithms and sources but never the HS256 secret', () => {
    const secret = 'a-development-secret-of-at-least-32-chars';
    const { lines, log } = capture();
    createAuth({ config: settings({ hs256Secret: secret }), audit: new FakeAuditLog(), log });
    const text = lines.join('');
    assert.match(text, /"alg":"ES256"/);
    assert.match(text, /"source":"AUTH_HS256_SECRET"/);
    assert.ok(!text.includes(secret));
  });

  it('when a clock is given, then the verifier judges expiry by it', () => {
    const token = sign(claims(), idp.privateKey, 'ES256');
    const later = () => new Date(Date.now() + 2 * 3600_000);
    const { verifier } = createAuth({
      config: settings({}),
      audit: new FakeAuditLog(),
      log: capture().log,
      clock: later,
    });
    assert.deepEqual(verifier.verify(token), {
      ok: false,
      code: 'TOKEN_EXPIRED',
      check: 'expired',
      known: { subject: 'alice', role: 'collector' },
    });
  });

  it('when a route is guarded with no roles or an unknown role, then building the router fails', () => {
    const { guard } = createAuth({
      config: settings({}),
      audit: new FakeAuditLog(),
      log: capture().log,
    });
    assert.throws(() => guard([]), /must admit at least one/);
    assert.throws(() => guard(['root' as 'admin']), /must admit at least one/);
  });
});
