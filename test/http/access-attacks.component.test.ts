import { strict as assert } from 'node:assert';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import jwt from 'jsonwebtoken';
import { RelayFixture, type Debtor } from '../relay/relay-fixture.js';
import { uniqueMobile } from '../resolve/resolution-fixtures.js';
import { shuffle } from '../support/shuffle.js';
import { uniqueName } from '../support/test-config.js';
import { TEST_TOKEN_ISSUER } from '../support/test-sources.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/wait.js';
import { hmacToken, unsignedToken, withPayload } from './auth/token-fixtures.js';

const now = () => Math.floor(Date.now() / 1000);
const privateKey = () => readFileSync(process.env.RECONTACT_TEST_TOKEN_KEY_FILE!, 'utf8');
const publicPem = () => readFileSync(process.env.AUTH_JWT_PUBLIC_KEY_FILES!.split(',')[0]!, 'utf8');

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { iss: TEST_TOKEN_ISSUER, aud: 'recontact', sub: 'mallory', role: 'collector', creditor: 'bank-mallory', iat: now(), exp: now() + 600 };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base;
}

const es256 = (payload: Record<string, unknown>, key: string | ReturnType<typeof generateKeyPairSync>['privateKey'] = privateKey()) =>
  jwt.sign(payload, key, { algorithm: 'ES256' });

interface Attack {
  name: string;
  token: () => string;
  method?: string;
  path?: string;
  status: number;
  code: string;
  /** The check the audit record names (never told to the caller). */
  check?: string;
}

const ATTACKS: Attack[] = [
  { name: 'alg none', token: () => unsignedToken(claims()), status: 401, code: 'TOKEN_INVALID', check: 'algorithm' },
  { name: 'alg NONE with a signature', token: () => unsignedToken(claims()).replace(/\.$/, '.c2ln').replace(/^[^.]+/, Buffer.from('{"alg":"NONE","typ":"JWT"}').toString('base64url')), status: 401, code: 'TOKEN_INVALID', check: 'algorithm' },
  { name: 'HS256 signed with the ES256 public key', token: () => hmacToken(claims(), publicPem()), status: 401, code: 'TOKEN_INVALID', check: 'key' },
  { name: 'signed by another EC key', token: () => es256(claims(), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey), status: 401, code: 'TOKEN_INVALID', check: 'signature' },
  { name: 'expired', token: () => es256(claims({ iat: now() - 7200, exp: now() - 3600 })), status: 401, code: 'TOKEN_EXPIRED', check: 'expired' },
  { name: 'not yet valid', token: () => es256(claims({ nbf: now() + 3600 })), status: 401, code: 'TOKEN_INVALID', check: 'not_yet_valid' },
  { name: 'issued in the future', token: () => es256(claims({ iat: now() + 3600, exp: now() + 4200 })), status: 401, code: 'TOKEN_INVALID', check: 'issued_in_future' },
  { name: 'lives too long', token: () => es256(claims({ exp: now() + 30 * 24 * 3600 })), status: 401, code: 'TOKEN_INVALID', check: 'lifetime' },
  { name: 'wrong audience', token: () => es256(claims({ aud: 'another-service' })), status: 401, code: 'TOKEN_INVALID', check: 'audience' },
  { name: 'wrong issuer', token: () => es256(claims({ iss: 'https://evil.example' })), status: 401, code: 'TOKEN_INVALID', check: 'issuer' },
  { name: 'no expiry', token: () => es256(claims({ exp: undefined })), status: 401, code: 'TOKEN_INVALID', check: 'expiry_missing' },
  { name: 'role edited to admin, signature kept', token: () => withPayload(tokenFor('collector', 'bank-mallory'), (p) => ({ ...p, role: 'admin', creditor: undefined })), method: 'GET', path: '/v1/creditors/bank-a/lines', status: 401, code: 'TOKEN_INVALID', check: 'signature' },
  { name: 'creditor edited, signature kept', token: () => withPayload(tokenFor('collector', 'bank-mallory'), (p) => ({ ...p, creditor: 'bank-victim' })), status: 401, code: 'TOKEN_INVALID', check: 'signature' },
  { name: 'expiry extended, signature kept', token: () => withPayload(es256(claims({ iat: now() - 7200, exp: now() - 3600 })), (p) => ({ ...p, exp: now() + 600 })), status: 401, code: 'TOKEN_INVALID', check: 'signature' },
  { name: 'collector without creditor', token: () => es256(claims({ creditor: undefined })), status: 401, code: 'TOKEN_INVALID', check: 'creditor' },
  { name: 'admin with a creditor', token: () => es256(claims({ role: 'admin' })), method: 'GET', path: '/v1/creditors/bank-a/lines', status: 401, code: 'TOKEN_INVALID', check: 'creditor' },
  { name: 'unknown role', token: () => es256(claims({ role: 'root' })), status: 401, code: 'TOKEN_INVALID', check: 'role' },
  { name: 'telephony on a collector route', token: () => tokenFor('telephony'), status: 403, code: 'ROLE_NOT_PERMITTED' },
  { name: 'collector on an admin route', token: () => tokenFor('collector', 'bank-mallory'), method: 'GET', path: '/v1/creditors/bank-a/lines', status: 403, code: 'ROLE_NOT_PERMITTED' },
  { name: 'collector on a subject route', token: () => tokenFor('collector', 'bank-mallory'), method: 'GET', path: `/v1/subjects/${randomUUID()}/report`, status: 403, code: 'ROLE_NOT_PERMITTED' },
  { name: 'admin reading the audit log', token: () => tokenFor('admin'), method: 'GET', path: '/v1/audit', status: 403, code: 'ROLE_NOT_PERMITTED' },
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

describe('attacks on access (real service, real tokens, real audit chain)', function () {
  this.timeout(180_000);
  const f = new RelayFixture(4, { AUTH_RATE_LIMIT_PER_MINUTE: '1000000' });

  before(() => f.start());
  after(() => f.stop());

  for (const attack of ATTACKS) {
    it(`when the attack is "${attack.name}", then it is refused ${attack.status} ${attack.code} and the denial is audited with its check`, async () => {
      const requestId = `attack-${randomUUID()}`;
      const res = await fetch(`${f.url}${attack.path ?? '/v1/cases/CASE-1'}`, {
        method: attack.method ?? 'GET',
        headers: { authorization: `Bearer ${attack.token()}`, 'x-request-id': requestId },
      });
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(res.status, attack.status);
      assert.equal(body.code, attack.code);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.doesNotMatch(JSON.stringify(body), /signature|algorithm|audience|issuer|expired_|not_yet|lifetime|bank-victim/i, 'the answer names no failed check');
      const audit = await waitFor(
        'the denial in the audit chain',
        () => f.service.graph.run('MATCH (a:AuditRecord {chain: $chain, requestId: $requestId}) RETURN a.action AS action, a.reason AS reason, a.canonical AS canonical', { chain: f.config.audit.chain, requestId }),
        (r) => r.records.length === 1,
        10_000,
      );
      const record = audit.records[0]!;
      assert.equal(record.get('action'), 'auth.deny');
      assert.equal(record.get('reason'), attack.code);
      const details = (JSON.parse(record.get('canonical') as string) as { details?: Record<string, string> }).details ?? {};
      if (attack.check) assert.equal(details.check, attack.check);
      else assert.ok(details.admits, 'a role denial names the roles the route admits');
    });
  }

  describe('tenancy: a collector probing another creditor’s ids', () => {
    const owner = uniqueName('bank-owner');
    const prober = uniqueName('bank-prober');
    let debtor: Debtor;
    let caseId: string;
    let bindingId: string;

    before(async () => {
      debtor = await f.debtor();
      caseId = `CASE-${randomUUID().slice(0, 8)}`;
      assert.equal((await f.registerLine(owner, uniqueMobile())).status, 201);
      assert.equal((await f.registerCase(owner, caseId, debtor)).status, 201);
      const relay = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor: owner }, { purpose: 'debt_collection' });
      assert.equal(relay.status, 201, relay.text);
      bindingId = relay.body.bindingId as string;
    });

    /** An id of the same shape and length as the real one, which nobody ever registered. */
    const neverCase = () => `CASE-${randomUUID().slice(0, 8)}`;
    const probes = () => [
      { what: 'GET case', method: 'GET', existing: `/v1/cases/${caseId}`, never: `/v1/cases/${neverCase()}` },
      { what: 'DELETE case', method: 'DELETE', existing: `/v1/cases/${caseId}`, never: `/v1/cases/${neverCase()}` },
      { what: 'POST relay', method: 'POST', existing: `/v1/cases/${caseId}/relay`, never: `/v1/cases/${neverCase()}/relay`, body: { purpose: 'debt_collection' } },
      { what: 'DELETE binding', method: 'DELETE', existing: `/v1/relays/${bindingId}`, never: `/v1/relays/${randomUUID()}` },
    ];

    it('when another creditor’s case or binding id is used, then status, body and headers are those of an id that never existed, and the owner’s case is untouched', async () => {
      const as = { role: 'collector' as const, creditor: prober };
      const shape = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
      const headerNames = (h: Headers) => [...h.keys()].filter((k) => !['date', 'x-request-id', 'ratelimit'].includes(k)).sort();
      for (const p of probes()) {
        const existing = await f.call(p.method, p.existing, as, p.body);
        const never = await f.call(p.method, p.never, as, p.body);
        assert.equal(existing.status, 404, `${p.what}: ${existing.text}`);
        assert.equal(existing.status, never.status, p.what);
        assert.deepEqual(shape(existing.body), shape(never.body), p.what);
        assert.equal(existing.text.length, never.text.length, `${p.what}: body lengths differ`);
        assert.deepEqual(headerNames(existing.headers), headerNames(never.headers), p.what);
      }
      const mine = await f.call('GET', `/v1/cases/${caseId}`, { role: 'collector', creditor: owner });
      assert.equal(mine.status, 200);
      assert.equal(mine.body.status, 'open');
      const again = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor: owner }, { purpose: 'debt_collection' });
      assert.equal(again.body.bindingId, bindingId, 'the owner’s binding is still active');
    });

    it('when each is timed 200 times, then answers for another creditor’s ids take as long as for ids that never existed', async () => {
      const samples = Number(process.env.RECONTACT_TENANCY_SAMPLES ?? 200);
      const token = tokenFor('collector', prober);
      const timed = async (method: string, path: string) => {
        const started = performance.now();
        const res = await fetch(`${f.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        assert.equal(res.status, 404);
        return performance.now() - started;
      };
      const lines: string[] = [];
      for (const p of probes().filter((x) => x.what === 'GET case' || x.what === 'DELETE binding')) {
        for (let i = 0; i < 20; i++) await timed(p.method, i % 2 ? p.existing : p.never); // warm up
        const existing: number[] = [];
        const never: number[] = [];
        // Interleaved in a random order, so drift in the machine's load hits both alike.
        const order = Array.from({ length: 2 * samples }, (_, i) => i < samples);
        shuffle(order);
        for (const isExisting of order) {
          if (isExisting) existing.push(await timed(p.method, p.existing));
          else never.push(await timed(p.method, p.never.replace(/[0-9a-f]{8}(?=[^/]*$)/, randomUUID().slice(0, 8))));
        }
        existing.sort((a, b) => a - b);
        never.sort((a, b) => a - b);
        const [m1, m2] = [quantile(existing, 0.5), quantile(never, 0.5)];
        const [p1, p2] = [quantile(existing, 0.9), quantile(never, 0.9)];
        lines.push(`${p.what.padEnd(15)} other creditor's id: median ${m1.toFixed(2)} ms, p90 ${p1.toFixed(2)} ms | never-existing id: median ${m2.toFixed(2)} ms, p90 ${p2.toFixed(2)} ms | n=${samples} each`);
        const allowed = Math.max(2, 0.25 * Math.max(m1, m2));
        assert.ok(Math.abs(m1 - m2) <= allowed, `${p.what}: medians ${m1.toFixed(2)} vs ${m2.toFixed(2)} ms differ by more than ${allowed.toFixed(2)} ms`);
      }
      console.log(lines.map((l) => `      ${l}`).join('\n'));
    });
  });
});
