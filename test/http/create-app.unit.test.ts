import { strict as assert } from 'node:assert';
import { Router } from 'express';
import { Neo4jError } from 'neo4j-driver';
import { createHttpApp } from '../../src/http/create-app.js';
import { createMetricsRegistry } from '../../src/platform/metrics.js';
import type { ReadinessCheck } from '../../src/platform/readiness.js';
import { listen, type Listening } from '../support/http.js';
import { testLogger } from '../support/test-config.js';

describe('HTTP app (operations surface and error mapping)', () => {
  let neo4jUp = true;
  let server: Listening;

  before(async () => {
    const readiness: ReadinessCheck[] = [
      { name: 'kafka', check: async () => undefined },
      {
        name: 'neo4j',
        check: async () => {
          if (!neo4jUp) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687'), { code: 'ServiceUnavailable' });
        },
      },
    ];
    const echo = Router()
      .post('/echo', (req, res) => {
        res.json(req.body);
      })
      .get('/graph-down', () => {
        throw new Neo4jError('Could not perform discovery. No routing servers available. Known routing table: 127.0.0.1:7687', 'ServiceUnavailable', '08000', 'connection exception');
      })
      .get('/bug', () => {
        throw new TypeError("Cannot read properties of undefined (reading 'personId')");
      });
    const app = createHttpApp({ log: testLogger(), metrics: createMetricsRegistry(), readiness, routers: [echo], bodyLimit: '1kb' });
    server = await listen(app);
  });
  after(() => server.close());

  it('when the process is up, then /healthz answers 200', async () => {
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'alive' });
  });

  it('when every dependency answers, then /readyz is 200 with a per-dependency report', async () => {
    neo4jUp = true;
    const res = await fetch(`${server.url}/readyz`);
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
    assert.equal(res.status, 200);
    assert.equal(body.status, 'ready');
    assert.equal(body.checks.kafka?.status, 'ok');
    assert.equal(body.checks.neo4j?.status, 'ok');
  });

  it('when a dependency fails, then /readyz is 503, names it, and does not echo driver internals', async () => {
    neo4jUp = false;
    const res = await fetch(`${server.url}/readyz`);
    const text = await res.text();
    const body = JSON.parse(text) as { status: string; checks: Record<string, { status: string; detail?: string }> };
    assert.equal(res.status, 503);
    assert.equal(body.status, 'not_ready');
    assert.equal(body.checks.neo4j?.status, 'failing');
    assert.equal(body.checks.neo4j?.detail, 'Error: ServiceUnavailable');
    assert.equal(body.checks.kafka?.status, 'ok');
    assert.doesNotMatch(text, /ECONNREFUSED|127\.0\.0\.1/);
  });

  it('when /metrics is scraped, then it serves Prometheus text with request metrics labelled by route pattern', async () => {
    await fetch(`${server.url}/healthz`);
    const res = await fetch(`${server.url}/metrics`);
    const text = await res.text();
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(text, /recontact_http_request_duration_seconds_count\{[^}]*route="\/healthz"/);
    assert.match(text, /process_resident_memory_bytes/);
  });

  it('when a route does not exist, then the answer is a 404 problem+json with a stable code', async () => {
    const res = await fetch(`${server.url}/v1/nowhere`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const body = (await res.json()) as { code: string; status: number; instance: string };
    assert.equal(body.code, 'ROUTE_NOT_FOUND');
    assert.equal(body.status, 404);
    assert.equal(body.instance, res.headers.get('x-request-id'));
  });

  it('when a body is not JSON, then the answer is 400 MALFORMED_JSON without a stack trace', async () => {
    const res = await fetch(`${server.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    const text = await res.text();
    assert.equal(res.status, 400);
    assert.equal((JSON.parse(text) as { code: string }).code, 'MALFORMED_JSON');
    assert.doesNotMatch(text, /at .*\.js:\d+/);
  });

  it('when a body is over the size limit, then the answer is 413 BODY_TOO_LARGE', async () => {
    const res = await fetch(`${server.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(4096) }),
    });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { code: string }).code, 'BODY_TOO_LARGE');
  });

  it('when a store is unavailable and no use case wrapped its error, then the answer is a retriable 503 DEPENDENCY_UNAVAILABLE without driver internals', async () => {
    const res = await fetch(`${server.url}/graph-down`);
    const text = await res.text();
    assert.equal(res.status, 503);
    assert.equal((JSON.parse(text) as { code: string }).code, 'DEPENDENCY_UNAVAILABLE');
    assert.doesNotMatch(text, /routing|127\.0\.0\.1|ServiceUnavailable/);
  });

  it('when a route fails with an unknown error, then the answer is 500 INTERNAL with the instance id and nothing else', async () => {
    const res = await fetch(`${server.url}/bug`);
    const text = await res.text();
    assert.equal(res.status, 500);
    assert.equal((JSON.parse(text) as { code: string; instance: string }).instance, res.headers.get('x-request-id'));
    assert.equal((JSON.parse(text) as { code: string }).code, 'INTERNAL');
    assert.doesNotMatch(text, /personId|TypeError/);
  });

  it('when a caller sends an unsafe request id, then a fresh one is used instead of echoing it', async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });
});
