import { strict as assert } from 'node:assert';
import { guardedApp, type GuardedApp } from './guarded-app.js';
import { claims, ecKeyPair, sign, tempDir, writeFile } from './token-fixtures.js';

const LIMIT = 3;

describe('per-token rate limit', () => {
  const idp = ecKeyPair();
  const token = (overrides: Record<string, unknown>) =>
    `Bearer ${sign(claims(overrides), idp.privateKey, 'ES256')}`;
  let app: GuardedApp;

  beforeEach(async () => {
    app = await guardedApp({
      publicKeyFiles: [writeFile(tempDir(), 'idp.pem', idp.publicPem)],
      rateLimitPerMinute: LIMIT,
    });
  });
  afterEach(() => app.close());

  it('when a token makes one request more than the limit within a minute, then that request is 429 RATE_LIMITED with Retry-After', async () => {
    const alice = token({ sub: 'alice' });
    for (let i = 0; i < LIMIT; i++)
      assert.equal((await app.get('/v1/collections', alice)).status, 200);
    const res = await app.get('/v1/collections', alice);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(((await res.json()) as { code: string }).code, 'RATE_LIMITED');
    const retryAfter = Number(res.headers.get('retry-after'));
    assert.ok(
      Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
      `Retry-After ${retryAfter}`,
    );
    assert.equal(app.logs.filter((l) => l.msg === 'a token reached its rate limit').length, 1);
  });

  it("when the telephony layer's token calls more than a collector's limit, then its own higher limit applies", async () => {
    const carrier = token({ sub: 'carrier-gw', role: 'telephony', creditor: undefined });
    for (let i = 0; i <= LIMIT * 2; i++) assert.equal((await app.get('/v1/calls', carrier)).status, 200);
  });

  it('when one token is limited, then another subject, or the same subject for another creditor, is unaffected', async () => {
    const alice = token({ sub: 'alice' });
    for (let i = 0; i <= LIMIT; i++) await app.get('/v1/collections', alice);
    assert.equal((await app.get('/v1/collections', alice)).status, 429);
    assert.equal((await app.get('/v1/collections', token({ sub: 'bob' }))).status, 200);
    assert.equal(
      (await app.get('/v1/collections', token({ sub: 'alice', creditor: 'c2' }))).status,
      200,
    );
  });

  it('when a new token is issued to the same holder, then it shares the holder budget', async () => {
    for (let i = 0; i < LIMIT; i++)
      await app.get('/v1/collections', token({ sub: 'alice', jti: `t${i}` }));
    assert.equal(
      (await app.get('/v1/collections', token({ sub: 'alice', jti: 'fresh' }))).status,
      429,
    );
  });

  it('when a route sits behind two guards, then each request is counted once', async () => {
    const alice = token({ sub: 'alice' });
    for (let i = 0; i < LIMIT; i++)
      assert.equal((await app.get('/v1/nested/inner', alice)).status, 200);
    assert.equal((await app.get('/v1/nested/inner', alice)).status, 429);
  });

  it('when requests fail authentication, then they use no token budget', async () => {
    for (let i = 0; i < LIMIT + 2; i++)
      assert.equal((await app.get('/v1/collections', 'Bearer x.y.z')).status, 401);
    assert.equal((await app.get('/v1/collections', token({ sub: 'alice' }))).status, 200);
  });
});
