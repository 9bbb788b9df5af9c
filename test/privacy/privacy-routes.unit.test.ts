import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { createDevelopmentRegistry } from '../../src/ingest/dev-registry.js';
import { createHttpApp } from '../../src/http/create-app.js';
import { privacyRoutes } from '../../src/http/privacy-routes.js';
import { createMetricsRegistry } from '../../src/platform/metrics.js';
import { PrivacyService } from '../../src/privacy/privacy-service.js';
import type { RelayBinding } from '../../src/relay/relay-store.js';
import { recordFingerprint } from '../../src/resolve/record-fingerprint.js';
import { listen, type Listening } from '../support/http.js';
import { testLogger } from '../support/test-config.js';
import { InMemoryAuditLog } from './in-memory-audit-log.js';
import { InMemorySubjectStore } from './in-memory-subject-store.js';
import { testGuard } from './test-guard.js';

const NOW = new Date('2024-06-01T10:00:00Z');
const KEY = Buffer.alloc(32, 7);
const sources = createDevelopmentRegistry().sources;

describe('privacy routes (problem+json, fail-closed audit)', () => {
  let server: Listening;
  let subjects: InMemorySubjectStore;
  let audit: InMemoryAuditLog;
  let revoked: { personId: string; reason: string }[];
  let personId: string;

  beforeEach(async () => {
    subjects = new InMemorySubjectStore();
    audit = new InMemoryAuditLog();
    revoked = [];
    personId = randomUUID();
    subjects.add(personId, [{ key: 'demo-telco:SUB-1', sourceId: 'demo-telco', legalBasis: null }]);
    const privacy = new PrivacyService({
      subjects,
      relays: {
        revokeForPerson: async (id, reason) => {
          revoked.push({ personId: id, reason });
          return [binding(id)];
        },
      },
      audit,
      auditFor: async (id) => audit.about(id),
      sources: { get: (id) => sources.find((s) => s.id === id), all: () => sources },
      identifierKey: KEY,
      clock: () => NOW,
    });
    const app = createHttpApp({ log: testLogger(), metrics: createMetricsRegistry(), readiness: [], routers: [privacyRoutes({ privacy, guard: testGuard })] });
    server = await listen(app);
  });
  afterEach(() => server.close());

  const call = (method: string, path: string, body?: unknown, role = 'privacy_officer') =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-test-role': role },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function problem(res: Response, status: number, code: string) {
    assert.equal(res.status, status);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const body = (await res.json()) as { code: string; problems?: { path: string }[] };
    assert.equal(body.code, code);
    return body;
  }

  it('when a restriction names an unknown reason, then 400 names the field, and nothing is restricted', async () => {
    const body = await problem(await call('POST', `/v1/subjects/${personId}/restrict`, { reason: 'bored' }), 400, 'VALIDATION_FAILED');
    assert.deepEqual(body.problems?.map((p) => p.path), ['reason']);
    assert.deepEqual(await subjects.restrictions(personId), []);
    assert.deepEqual(revoked, []);
  });

  it('when a restriction body carries an unknown field, then 400', async () => {
    await problem(await call('POST', `/v1/subjects/${personId}/restrict`, { reason: 'dispute', phone: '+8613800000000' }), 400, 'VALIDATION_FAILED');
  });

  it('when lifting names an unknown reason, then 400, and the restriction stays', async () => {
    await subjects.restrict(personId, 'dispute', null, NOW);
    await problem(await call('DELETE', `/v1/subjects/${personId}/restrict?reason=bored`), 400, 'VALIDATION_FAILED');
    assert.deepEqual((await subjects.restrictions(personId))?.map((r) => r.reason), ['dispute']);
  });

  it('when an erasure does not confirm the person id, then 400 names confirm, and nothing is erased', async () => {
    const body = await problem(await call('POST', `/v1/subjects/${personId}/erase`, { confirm: randomUUID() }), 400, 'VALIDATION_FAILED');
    assert.deepEqual(body.problems?.map((p) => p.path), ['confirm']);
    assert.ok(subjects.persons.has(personId));
  });

  for (const [method, suffix, body] of [
    ['POST', 'restrict', { reason: 'dispute' }],
    ['DELETE', 'restrict', undefined],
    ['GET', 'report', undefined],
  ] as const) {
    it(`when ${method} ${suffix} names an unknown person, then 404 SUBJECT_NOT_FOUND, audited as denied`, async () => {
      const unknown = randomUUID();
      await problem(await call(method, `/v1/subjects/${unknown}/${suffix}`, body), 404, 'SUBJECT_NOT_FOUND');
      assert.deepEqual(audit.records.map((r) => [r.outcome, r.reason, r.resources?.personId]), [['denied', 'SUBJECT_NOT_FOUND', unknown]]);
    });
  }

  it('when an erasure names an unknown person, then 404 SUBJECT_NOT_FOUND', async () => {
    const unknown = randomUUID();
    await problem(await call('POST', `/v1/subjects/${unknown}/erase`, { confirm: unknown }), 404, 'SUBJECT_NOT_FOUND');
  });

  it('when a person id is malformed, then 404 SUBJECT_NOT_FOUND exactly as for an unknown one', async () => {
    await problem(await call('GET', '/v1/subjects/not-a-person/report'), 404, 'SUBJECT_NOT_FOUND');
    await problem(await call('POST', `/v1/subjects/${encodeURIComponent("x' OR 1=1")}/restrict`, { reason: 'dispute' }), 404, 'SUBJECT_NOT_FOUND');
  });

  it('when the caller is not a privacy officer, then 403 and nothing happens', async () => {
    await problem(await call('POST', `/v1/subjects/${personId}/restrict`, { reason: 'dispute' }, 'collector'), 403, 'ROLE_NOT_PERMITTED');
    assert.deepEqual(await subjects.restrictions(personId), []);
  });

  it('when a restriction is placed, then bindings are revoked, and the answer and audit record say so', async () => {
    const res = await call('POST', `/v1/subjects/${personId}/restrict`, { reason: 'attorney', note: 'REF-17' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      personId,
      restrictions: [{ reason: 'attorney', since: NOW.toISOString(), note: 'REF-17' }],
      bindingsRevoked: 1,
    });
    assert.deepEqual(revoked, [{ personId, reason: 'SUBJECT_RESTRICTED' }]);
    const entry = audit.records.find((r) => r.action === 'subject.restrict');
    assert.equal(entry?.reason, 'attorney');
    assert.equal(entry?.actor.role, 'privacy_officer');
    assert.deepEqual(audit.actions(), ['relay.revoke', 'subject.restrict']);
  });

  it('when the audit log is down during a restriction, then 503, yet the restriction and revocation already hold', async () => {
    audit.failing = true;
    await problem(await call('POST', `/v1/subjects/${personId}/restrict`, { reason: 'cease_communication' }), 503, 'DEPENDENCY_UNAVAILABLE');
    assert.deepEqual((await subjects.restrictions(personId))?.map((r) => r.reason), ['cease_communication']);
    assert.deepEqual(revoked, [{ personId, reason: 'SUBJECT_RESTRICTED' }]);
  });

  it('when the audit log is down while lifting, then 503 and the restriction stays', async () => {
    await subjects.restrict(personId, 'dispute', null, NOW);
    audit.failing = true;
    await problem(await call('DELETE', `/v1/subjects/${personId}/restrict`), 503, 'DEPENDENCY_UNAVAILABLE');
    assert.deepEqual((await subjects.restrictions(personId))?.map((r) => r.reason), ['dispute']);
  });

  it('when the audit log is down during an erasure, then 503 and nothing is erased', async () => {
    audit.failing = true;
    await problem(await call('POST', `/v1/subjects/${personId}/erase`, { confirm: personId }), 503, 'DEPENDENCY_UNAVAILABLE');
    assert.ok(subjects.persons.has(personId));
    assert.deepEqual(subjects.tombstones, []);
  });

  it('when the audit log is down during a report, then 503 and nothing of the report is disclosed', async () => {
    audit.failing = true;
    const res = await call('GET', `/v1/subjects/${personId}/report`);
    const text = await res.text();
    assert.equal(res.status, 503);
    assert.doesNotMatch(text, /records|reachability/);
  });

  it('when a person is erased, then each record leaves a tombstone of its keyed HMAC and the legal basis in force', async () => {
    const res = await call('POST', `/v1/subjects/${personId}/erase`, { confirm: personId, reason: 'GDPR Art. 17(1)(a)' });
    assert.equal(res.status, 200);
    const receipt = (await res.json()) as { recordsErased: number; tombstones: number; bindingsRevoked: number };
    assert.deepEqual([receipt.recordsErased, receipt.tombstones, receipt.bindingsRevoked], [1, 1, 1]);
    assert.deepEqual(subjects.tombstones, [
      { fingerprint: recordFingerprint(KEY, 'demo-telco:SUB-1'), sourceId: 'demo-telco', legalBasis: sources.find((s) => s.id === 'demo-telco')!.legalBasis },
    ]);
    const entry = audit.records.find((r) => r.action === 'subject.erase');
    assert.equal(entry?.legalBasis, 'GDPR Art. 17(1)(a)');
    assert.deepEqual(revoked, [{ personId, reason: 'SUBJECT_ERASED' }]);
  });
});

function binding(personId: string): RelayBinding {
  return {
    id: randomUUID(),
    creditor: 'bank-a',
    caseId: 'C-1',
    personId,
    relayNumber: '+8617000000001',
    purpose: 'debt_collection',
    state: 'revoked',
    createdAt: NOW.toISOString(),
    expiresAt: NOW.toISOString(),
  };
}
