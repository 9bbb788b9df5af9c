import { strict as assert } from 'node:assert';
import type { RequestHandler } from 'express';
import type { Actor, Role } from '../../src/actor.js';
import type { AuditFilter, AuditPage, AuditReader } from '../../src/audit/audit-reader.js';
import { InMemoryAuditLog } from '../../src/audit/in-memory-audit-log.js';
import type { AuditVerification } from '../../src/audit/verify-audit-chain.js';
import { auditRoutes } from '../../src/http/audit-routes.js';
import { createHttpApp } from '../../src/http/create-app.js';
import { problem, sendProblem } from '../../src/http/problem.js';
import { createMetricsRegistry } from '../../src/platform/metrics.js';
import { listen, type Listening } from '../support/http.js';
import { testLogger } from '../support/test-config.js';

/** Stands in for auth: the `x-test-role` header is the caller's role. */
const fakeGuard =
  (roles: readonly Role[]): RequestHandler[] => [
  (req, res, next) => {
    const role = req.get('x-test-role') as Role | undefined;
    if (role === undefined || !roles.includes(role))
      return sendProblem(res, problem(403, 'FORBIDDEN', 'Forbidden'));
    (req as typeof req & { actor?: Actor }).actor = { subject: `officer-${role}`, role };
    next();
  },
];

class FakeReader implements AuditReader {
  filters: AuditFilter[] = [];
  async query(filter: AuditFilter): Promise<AuditPage> {
    this.filters.push(filter);
    return { records: [], nextCursor: null };
  }
}

describe('audit HTTP routes', () => {
  let server: Listening;
  const reader = new FakeReader();
  const audit = new InMemoryAuditLog('routes');
  const verified: { fromSeq?: number; toSeq?: number }[] = [];
  const verify = async (range: {
    fromSeq?: number;
    toSeq?: number;
  }): Promise<AuditVerification> => {
    verified.push(range);
    return { ok: true, chain: 'routes', checkedRecords: 3, checkedCheckpoints: 1, headSeq: 3 };
  };

  before(async () => {
    const app = createHttpApp({
      log: testLogger(),
      metrics: createMetricsRegistry(),
      readiness: [],
      routers: [auditRoutes({ reader, verify, guard: fakeGuard, audit })],
    });
    server = await listen(app);
  });
  after(() => server.close());
  beforeEach(() => {
    audit.failing = false;
  });

  const get = (path: string, role = 'privacy_officer') =>
    fetch(`${server.url}${path}`, { headers: { 'x-test-role': role } });

  it('when a privacy officer queries, then the filter reaches the reader and the query itself is audited first', async () => {
    const res = await get(
      '/v1/audit?personId=p-1&outcome=denied&from=2024-05-01T08:00:00%2B08:00&after=50&limit=20',
    );
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { records: [], nextCursor: null });
    assert.deepEqual(reader.filters.at(-1), {
      personId: 'p-1',
      outcome: 'denied',
      from: '2024-05-01T00:00:00.000Z',
      after: 50,
      limit: 20,
    });
    const record = audit.records.at(-1)!;
    assert.deepEqual(
      [record.action, record.actor.subject, record.resources?.personId, record.requestId],
      ['audit.query', 'officer-privacy_officer', 'p-1', res.headers.get('x-request-id')],
    );
  });

  it('when query parameters are invalid, then the answer is 400 problem+json naming each bad parameter, and nothing is read', async () => {
    const before = reader.filters.length;
    const res = await get('/v1/audit?limit=501&outcome=maybe&from=yesterday&colour=red');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = (await res.json()) as {
      code: string;
      problems: { path: string; message: string }[];
    };
    assert.equal(body.code, 'VALIDATION_FAILED');
    const text = JSON.stringify(body.problems);
    for (const name of ['limit', 'outcome', 'from', 'colour']) assert.match(text, new RegExp(name));
    assert.equal(reader.filters.length, before);
  });

  it('when the audit store is down, then a query fails closed with 503 and the reader is not asked', async () => {
    audit.failing = true;
    const before = reader.filters.length;
    const res = await get('/v1/audit?caseId=c-1');
    assert.equal(res.status, 503);
    assert.equal(((await res.json()) as { code: string }).code, 'DEPENDENCY_UNAVAILABLE');
    assert.equal(reader.filters.length, before);
  });

  it('when an admin verifies a seq range, then the range reaches verify, the result comes back and the check is audited', async () => {
    const res = await get('/v1/audit/verify?from=2&to=3', 'admin');
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { ok: boolean }).ok, true);
    assert.deepEqual(verified.at(-1), { fromSeq: 2, toSeq: 3 });
    assert.equal(audit.records.at(-1)?.action, 'audit.verify');
  });

  it('when from is after to, or not a seq, then verify answers 400', async () => {
    assert.equal((await get('/v1/audit/verify?from=9&to=3')).status, 400);
    assert.equal((await get('/v1/audit/verify?from=abc')).status, 400);
  });

  it('when an admin asks for records, or a collector for anything, then the guard refuses', async () => {
    assert.equal((await get('/v1/audit', 'admin')).status, 403);
    assert.equal((await get('/v1/audit/verify', 'collector')).status, 403);
  });
});
