import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { ROLES, type Role } from '../../../src/actor.js';
import { ROUTES, guardedApp, type GuardedApp } from './guarded-app.js';
import {
  claims,
  ecKeyPair,
  hmacToken,
  sign,
  tempDir,
  unsignedToken,
  withPayload,
  writeFile,
} from './token-fixtures.js';

interface Problem {
  status: number;
  code: string;
  detail?: string;
  instance?: string;
}

describe('guard (authentication, role checks and their audit)', () => {
  const idp = ecKeyPair();
  const stranger = ecKeyPair();
  const dir = tempDir();
  const valid = sign(claims(), idp.privateKey, 'ES256');
  const now = () => Math.floor(Date.now() / 1000);
  let app: GuardedApp;

  before(async () => {
    app = await guardedApp({ publicKeyFiles: [writeFile(dir, 'idp.pem', idp.publicPem)] });
  });
  after(() => app.close());
  beforeEach(() => {
    app.audit.entries.length = 0;
    app.audit.unavailable = false;
  });

  it('when a valid ES256 collector token calls a collector route, then it passes with the actor from the token', async () => {
    const res = await app.get('/v1/collections', `Bearer ${valid}`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { subject: 'alice', role: 'collector', creditor: 'c1' });
    assert.deepEqual(app.audit.entries, []);
  });

  const attacks: {
    name: string;
    authorization: () => string | undefined;
    code: string;
    check?: string;
    knownSubject?: string;
  }[] = [
    { name: 'no Authorization header', authorization: () => undefined, code: 'TOKEN_MISSING' },
    {
      name: 'a Basic credential instead of a bearer token',
      authorization: () => 'Basic YWxpY2U6c2VjcmV0',
      code: 'TOKEN_MISSING',
    },
    {
      name: 'a garbled bearer value',
      authorization: () => 'Bearer {not a token}',
      code: 'TOKEN_INVALID',
      check: 'header',
    },
    {
      name: 'a bearer value that is not a JWT',
      authorization: () => 'Bearer abc.def',
      code: 'TOKEN_INVALID',
      check: 'malformed',
    },
    {
      name: 'alg none',
      authorization: () =>
        `Bearer ${unsignedToken(claims({ role: 'admin', creditor: undefined }))}`,
      code: 'TOKEN_INVALID',
      check: 'algorithm',
    },
    {
      name: 'HS256 signed with the public key PEM',
      authorization: () => `Bearer ${hmacToken(claims(), idp.publicPem)}`,
      code: 'TOKEN_INVALID',
      check: 'key',
    },
    {
      name: 'an expired token',
      authorization: () =>
        `Bearer ${sign(claims({ iat: now() - 3600, exp: now() - 120 }), idp.privateKey, 'ES256')}`,
      code: 'TOKEN_EXPIRED',
      check: 'expired',
      knownSubject: 'alice',
    },
    {
      name: 'nbf in the future',
      authorization: () => `Bearer ${sign(claims({ nbf: now() + 600 }), idp.privateKey, 'ES256')}`,
      code: 'TOKEN_INVALID',
      check: 'not_yet_valid',
      knownSubject: 'alice',
    },
    {
      name: 'a wrong audience',
      authorization: () => `Bearer ${sign(claims({ aud: 'billing' }), idp.privateKey, 'ES256')}`,
      code: 'TOKEN_INVALID',
      check: 'audience',
      knownSubject: 'alice',
    },
    {
      name: 'a wrong issuer',
      authorization: () =>
        `Bearer ${sign(claims({ iss: 'https://evil.test' }), idp.privateKey, 'ES256')}`,
      code: 'TOKEN_INVALID',
      check: 'issuer',
      knownSubject: 'alice',
    },
    {
      name: 'a tampered payload (role raised, old signature)',
      authorization: () =>
        `Bearer ${withPayload(valid, (p) => ({ ...p, role: 'admin', creditor: undefined }))}`,
      code: 'TOKEN_INVALID',
      check: 'signature',
    },
    {
      name: 'a forged creditor (payload edited)',
      authorization: () => `Bearer ${withPayload(valid, (p) => ({ ...p, creditor: 'c2' }))}`,
      code: 'TOKEN_INVALID',
      check: 'signature',
    },
    {
      name: 'an unknown role',
      authorization: () => `Bearer ${sign(claims({ role: 'superuser' }), idp.privateKey, 'ES256')}`,
      code: 'TOKEN_INVALID',
      check: 'role',
      knownSubject: 'alice',
    },
    {
      name: 'a collector without a creditor',
      authorization: () =>
        `Bearer ${sign(claims({ creditor: undefined }), idp.privateKey, 'ES256')}`,
      code: 'TOKEN_INVALID',
      check: 'creditor',
      knownSubject: 'alice',
    },
    {
      name: 'a token signed by an unknown key',
      authorization: () => `Bearer ${sign(claims(), stranger.privateKey, 'ES256')}`,
      code: 'TOKEN_INVALID',
      check: 'signature',
    },
  ];

  for (const attack of attacks) {
    it(`when a request carries ${attack.name}, then it is 401 ${attack.code} and an auth.deny is audited`, async () => {
      const authorization = attack.authorization();
      const res = await app.get('/v1/collections', authorization);
      const text = await res.text();
      const body = JSON.parse(text) as Problem;
      assert.equal(res.status, 401);
      assert.equal(body.code, attack.code);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.match(
        res.headers.get('www-authenticate') ?? '',
        attack.code === 'TOKEN_MISSING' ? /^Bearer realm="recontact"$/ : /error="invalid_token"/,
      );
      assert.equal(body.instance, res.headers.get('x-request-id'));

      const [entry, ...more] = app.audit.denials();
      assert.deepEqual(more, []);
      assert.equal(entry?.outcome, 'denied');
      assert.equal(entry?.reason, attack.code);
      assert.equal(entry?.requestId, body.instance);
      assert.equal(entry?.details?.method, 'GET');
      assert.equal(entry?.details?.route, '/v1/collections');
      assert.equal(entry?.details?.check, attack.check);
      assert.equal(entry?.actor.subject, attack.knownSubject ?? 'anonymous');

      const token = authorization?.replace(/^\S+ /, '') ?? '';
      for (const part of token.split('.').filter((p) => p.length > 8)) {
        assert.ok(!text.includes(part), 'the answer must not echo the token');
        assert.ok(
          !JSON.stringify(app.audit.entries).includes(part),
          'the audit record must not hold the token',
        );
      }
      assert.doesNotMatch(text, /\balice\b|\bc1\b|superuser/);
    });
  }

  describe('role matrix', () => {
    for (const role of ROLES) {
      for (const [route, admitted] of Object.entries(ROUTES) as [string, readonly Role[]][]) {
        const allowed = admitted.includes(role);
        it(`when a ${role} calls ${route}, then it is ${allowed ? '200' : '403 ROLE_NOT_PERMITTED, audited'}`, async () => {
          const creditor = role === 'collector' ? 'c1' : undefined;
          const token = sign(claims({ sub: `${role}-1`, role, creditor }), idp.privateKey, 'ES256');
          const res = await app.get(route, `Bearer ${token}`);
          assert.equal(res.status, allowed ? 200 : 403);
          if (allowed) {
            assert.deepEqual(app.audit.entries, []);
            return;
          }
          assert.equal(((await res.json()) as Problem).code, 'ROLE_NOT_PERMITTED');
          assert.equal(res.headers.get('www-authenticate'), null);
          const [entry, ...more] = app.audit.denials();
          assert.deepEqual(more, []);
          assert.deepEqual(entry?.actor, {
            subject: `${role}-1`,
            role,
            ...(creditor ? { creditor } : {}),
          });
          assert.equal(entry?.reason, 'ROLE_NOT_PERMITTED');
          assert.equal(entry?.details?.route, route);
          assert.equal(entry?.details?.admits, [...admitted].sort().join(','));
        });
      }
    }
  });

  it('when a request carries two Authorization headers, even with a valid token first, then it is refused as TOKEN_INVALID', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${app.url}/v1/collections`, { method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.setHeader('Authorization', [`Bearer ${valid}`, 'Bearer garbage']);
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 401);
    assert.equal(app.audit.entries[0]?.reason, 'TOKEN_INVALID');
  });

  it('when a router-wide guard admits the role but the route does not, then it is 403 and audited once', async () => {
    const admin = sign(claims({ role: 'admin', creditor: undefined }), idp.privateKey, 'ES256');
    assert.equal((await app.get('/v1/nested/inner', `Bearer ${admin}`)).status, 403);
    assert.equal(app.audit.denials().length, 1);
    assert.equal((await app.get('/v1/nested/inner', `Bearer ${valid}`)).status, 200);
    assert.equal(app.audit.denials().length, 1);
  });

  it('when the audit log is unavailable, then the request is still denied and a warning is logged', async () => {
    app.audit.unavailable = true;
    const res = await app.get('/v1/admin', `Bearer ${valid}`);
    assert.equal(res.status, 403);
    const warning = app.logs.find(
      (l) => l.msg === 'audit of an access denial failed; denied anyway',
    );
    assert.equal(warning?.level, 'warn');
    assert.equal(warning?.reason, 'ROLE_NOT_PERMITTED');
    assert.equal((await app.get('/v1/admin')).status, 401);
  });

  it('when HS256 is not configured, then a token signed with a guessed secret is refused', async () => {
    const res = await app.get(
      '/v1/collections',
      `Bearer ${hmacToken(claims(), 'a-development-secret-of-at-least-32-chars')}`,
    );
    assert.equal(res.status, 401);
  });
});
