import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { problemDetails } from '../../contracts/api/problem.v1.js';
import type { Role } from '../../src/actor.js';
import { RelayFixture } from '../relay/relay-fixture.js';
import { httpRequest, rawRequest, type RawResponse, type RequestParts } from '../support/raw-http.js';
import { tokenFor } from '../support/tokens.js';

interface Operation {
  method: string;
  path: string;
  roles: Role[];
  params: string[];
  hasBody: boolean;
  documented: Set<number>;
}

/** Every operation the published contract declares: read from the spec, not from a hand list. */
function operationsOf(file: string): Operation[] {
  const spec = parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete']) {
      const op = item[method];
      if (op === undefined) continue;
      const params = ((op['parameters'] ?? []) as { name: string; in: string }[]).filter((p) => p.in === 'path').map((p) => p.name);
      ops.push({
        method: method.toUpperCase(),
        path,
        roles: op['x-roles'] as Role[],
        params,
        hasBody: op['requestBody'] !== undefined,
        documented: new Set(Object.keys(op['responses'] as object).map(Number)),
      });
    }
  }
  return ops;
}

/** Ids an attacker tries: Cypher and SQL injection, markup, traversal, NUL, very long, odd unicode. */
export const HOSTILE_IDS = [
  "' OR 1=1 //",
  '}) MATCH (n) DETACH DELETE n //',
  "x'}) DETACH DELETE n RETURN 1 //",
  '`n` WITH n MATCH (m) RETURN m',
  '$caseId',
  "1; DROP TABLE cases; --",
  "' UNION SELECT password FROM users --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'a\u0000b',
  'case\r\nX-Injected: yes',
  '%00',
  '{{7*7}}',
  '${jndi:ldap://x/a}',
  'A'.repeat(5_000),
  '王小明',
  '\u202eevil',
  '😀'.repeat(50),
  'ﬁ\u0301\u200b',
];

/** Path segments sent as written (already encoded), to reach the router before any decoding of ours. */
const RAW_SEGMENTS = ['..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%252F..%252Fetc%252Fpasswd', '%E0%A4%A', '%', 'x%00', '%C0%AE%C0%AE%2F', '%ff%fe'];

const MALFORMED_JSON = ['{', '{"a":', '[', 'null', '"text"', '123', '{"caseId": }', '{"a":1}garbage', '\uFEFF{}', '{"a":1,"a":2,', '[' .repeat(10_000) + ']'.repeat(10_000), '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', '{"n":1e400}', "{'single':'quotes'}", '{"a":"\\ud800"}'];

const CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json, text/plain', 'application/jsonx', '*/*', ''];

/** Signs of an internal error reaching a caller: stack frames, error names, the database, paths. */
const LEAKS = [/^\s+at\s/m, /\bat \S+ \(\S+:\d+:\d+\)/, /\w*Error:/, /neo4j/i, /cypher/i, /node_modules/, /\/(?:src|dist|work|home|usr|tmp)\//, /\.[jt]s:\d+/, /\bbolt:/i, /kafka/i];

const STRICT_PROBLEM = problemDetails.strict();

const samples = (op: Operation, id: (param: string) => string) =>
  op.path.replace(/\{(\w+)\}/g, (_, name: string) => id(name));

/** An id of the right shape that names nothing. */
function absentId(param: string): string {
  return ['bindingId', 'personId'].includes(param) ? randomUUID() : `fuzz-${randomUUID().slice(0, 8)}`;
}

function validishBody(op: Operation): unknown {
  if (op.path === '/v1/cases') return { caseId: absentId('caseId'), debtor: { names: [{ full: '王小明' }] } };
  if (op.path.endsWith('/relay')) return { purpose: 'debt_collection' };
  if (op.path === '/v1/telephony/route') return { relayNumber: '+8617000000001', from: '+8613800000000', callId: absentId('callId') };
  if (op.path.endsWith('/outcome')) return { answered: true };
  if (op.path.endsWith('/lines')) return { number: 'not a number' };
  if (op.path.endsWith('/restrict')) return { reason: 'dispute' };
  if (op.path.endsWith('/erase')) return { confirm: randomUUID() };
  return {};
}

interface FuzzCase {
  what: string;
  request: RequestParts;
  /** A hostile value that must not be echoed back. */
  payload?: string;
}

function casesFor(op: Operation, token: string): FuzzCase[] {
  const auth: [string, string] = ['Authorization', `Bearer ${token}`];
  const json: [string, string] = ['Content-Type', 'application/json'];
  const body = op.hasBody ? JSON.stringify(validishBody(op)) : undefined;
  const cases: FuzzCase[] = [];
  // With no id to make hostile (the audit search), a query value out of range makes the request invalid.
  const hostilePath = op.params.length > 0 ? samples(op, () => encodeURIComponent(HOSTILE_IDS[0]!)) : `${op.path}?limit=0`;
  for (const param of op.params) {
    for (const id of HOSTILE_IDS) {
      const path = samples(op, (p) => (p === param ? encodeURIComponent(id) : absentId(p)));
      cases.push({ what: 'injection id', request: { method: op.method, path, headers: [auth, ...(body ? [json] : [])], body }, payload: id });
    }
    for (const raw of RAW_SEGMENTS) {
      const path = samples(op, (p) => (p === param ? raw : absentId(p)));
      cases.push({ what: 'traversal/encoding', request: { method: op.method, path, headers: [auth, ...(body ? [json] : [])], body } });
    }
  }
  if (op.params.length === 0 && op.hasBody) {
    // No id in the path: the ids go in the body instead.
    for (const id of HOSTILE_IDS) {
      const hostile = JSON.parse(body!) as Record<string, unknown>;
      for (const field of ['caseId', 'callId', 'relayNumber']) if (field in hostile) hostile[field] = id;
      cases.push({ what: 'injection id', request: { method: op.method, path: op.path, headers: [auth, json], body: JSON.stringify(hostile) }, payload: id });
    }
  }
  const path = samples(op, absentId);
  if (op.hasBody) {
    for (const text of MALFORMED_JSON) cases.push({ what: 'malformed json', request: { method: op.method, path, headers: [auth, json], body: text } });
    for (const type of CONTENT_TYPES) cases.push({ what: 'content type', request: { method: op.method, path, headers: [auth, ...(type ? [['Content-Type', type] as [string, string]] : [])], body } });
    for (const size of [65 * 1024, 1024 * 1024]) {
      const big = JSON.stringify({ ...(validishBody(op) as object), pad: 'x'.repeat(size) });
      cases.push({ what: 'oversized body', request: { method: op.method, path, headers: [auth, json], body: big } });
    }
  }
  const b = op.hasBody ? '{}' : undefined;
  const withBody = (headers: [string, string][]): RequestParts => ({ method: op.method, path: hostilePath, headers: b ? [...headers, json] : headers, ...(b ? { body: b } : {}) });
  const headerAbuse: [string, [string, string][]][] = [
    ['huge header', [auth, ['X-Pad', 'x'.repeat(20_000)]]],
    ['many headers', [auth, ...Array.from({ length: 2_000 }, (_, i) => [`X-H${i}`, 'v'] as [string, string])]],
    ['huge bearer', [['Authorization', `Bearer ${'a'.repeat(12_000)}`]]],
    ['duplicate authorization, valid first', [auth, ['Authorization', 'Bearer garbage']]],
    ['duplicate authorization, garbage first', [['Authorization', 'Bearer garbage'], auth]],
    ['bearer garbage', [['Authorization', 'Bearer !!!not-a-token!!!']]],
    ['bearer three dots', [['Authorization', 'Bearer a.b.c']]],
    ['bearer empty', [['Authorization', 'Bearer ']]],
    ['basic auth', [['Authorization', 'Basic YWRtaW46YWRtaW4=']]],
    ['token without scheme', [['Authorization', token]]],
    ['crlf in x-request-id', [auth, ['X-Request-Id', 'abcdefgh\r\nX-Injected: yes']]],
    ['bare lf in x-request-id', [auth, ['X-Request-Id', 'abcdefgh\nX-Injected: yes']]],
    ['nul in x-request-id', [auth, ['X-Request-Id', 'abcdefgh\u0000x']]],
    ['hostile x-request-id', [auth, ['X-Request-Id', '<script>alert(1)</script>']]],
    ['content-length and transfer-encoding', [auth, ['Content-Length', '2'], ['Transfer-Encoding', 'chunked']]],
  ];
  for (const [what, headers] of headerAbuse) cases.push({ what, request: withBody(headers) });
  return cases;
}

function checkAnswer(c: FuzzCase, res: RawResponse): string[] {
  const problems: string[] = [];
  if (res.status < 400 || res.status > 499) problems.push(`status ${res.status}`);
  const type = res.headers.get('content-type')?.[0] ?? '';
  if (!type.startsWith('application/problem+json')) problems.push(`content-type "${type}"`);
  try {
    const parsed = STRICT_PROBLEM.safeParse(JSON.parse(res.body));
    if (!parsed.success) problems.push('body is not a Problem');
    else if (parsed.data.status !== res.status) problems.push('Problem.status differs from the HTTP status');
  } catch {
    problems.push('body is not JSON');
  }
  for (const leak of LEAKS) if (leak.test(res.body)) problems.push(`body matches ${leak}`);
  if (res.headers.has('x-injected') || /x-injected/i.test(res.head)) problems.push('an injected header came back');
  if (c.payload !== undefined && c.payload.length >= 6 && res.body.includes(c.payload)) problems.push('the hostile value was echoed');
  return problems;
}

describe('bad-input campaign: the HTTP API, generated from contracts/openapi.yaml (real service)', function () {
  this.timeout(300_000);
  const operations = operationsOf(join(process.cwd(), 'contracts', 'openapi.yaml'));
  // The per-token rate limit is not under test here, and would answer 429 long before the campaign ends.
  const f = new RelayFixture(2, { AUTH_RATE_LIMIT_PER_MINUTE: '1000000' });

  before(() => f.start());
  after(() => f.stop());

  it('reads every operation of the spec', () => {
    assert.ok(operations.length >= 13, `only ${operations.length} operations`);
    for (const op of operations) assert.ok(op.roles.length > 0, `${op.method} ${op.path} has no x-roles`);
  });

  it('when every operation gets malformed, injected, oversized and header-abusing requests with a valid token, then each answer is a 4xx problem+json that leaks nothing', async () => {
    const failures: string[] = [];
    const undocumented = new Map<string, number>();
    const perRoute: [string, number, Map<number, number>][] = [];
    const total = new Map<number, number>();
    for (const op of operations) {
      const role = op.roles[0]!;
      const token = tokenFor(role, role === 'collector' || role === 'telephony' ? 'bank-fuzz' : undefined);
      const statuses = new Map<number, number>();
      const cases = casesFor(op, token);
      for (const c of cases) {
        const res = await rawRequest(f.url, httpRequest(c.request));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        total.set(res.status, (total.get(res.status) ?? 0) + 1);
        const problems = checkAnswer(c, res);
        if (problems.length > 0) failures.push(`${op.method} ${op.path} [${c.what}] ${problems.join('; ')}: ${res.body.slice(0, 160)}`);
        let code = '';
        try {
          code = (JSON.parse(res.body) as { code?: string }).code ?? '';
        } catch {
          // counted above
        }
        if (!op.documented.has(res.status) && code !== 'ROUTE_NOT_FOUND') {
          const key = `${op.method} ${op.path} → ${res.status} ${code}`;
          undocumented.set(key, (undocumented.get(key) ?? 0) + 1);
        }
      }
      perRoute.push([`${op.method} ${op.path}`, cases.length, statuses]);
    }
    console.log('      requests per operation and their statuses');
    for (const [route, n, statuses] of perRoute) {
      const dist = [...statuses].sort(([a], [b]) => a - b).map(([s, k]) => `${s}×${k}`).join(' ');
      console.log(`        ${route.padEnd(44)} ${String(n).padStart(4)}  ${dist}`);
    }
    const sent = perRoute.reduce((n, [, k]) => n + k, 0);
    console.log(`        all ${sent} requests: ${[...total].sort(([a], [b]) => a - b).map(([s, k]) => `${s}×${k}`).join(' ')}`);
    if (undocumented.size > 0) console.log(`      statuses the spec does not list for the operation: ${JSON.stringify(Object.fromEntries(undocumented))}`);
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} bad answers`);
    assert.deepEqual(Object.fromEntries(undocumented), {}, 'every status is one the spec documents for the operation');
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });
});
