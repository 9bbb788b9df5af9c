import { z } from 'zod';
import { stringify } from 'yaml';
import { caseStatus, registerCaseRequest } from './cases.v1.js';
import { problemDetails } from './problem.v1.js';
import { auditPage, auditVerification } from './audit.v1.js';
import { relayBinding, requestRelay } from './relays.v1.js';
import { API_ROUTES, type RouteSpec } from './routes.js';
import { erasureReceipt, eraseSubjectRequest, restrictSubjectRequest, subjectReport, subjectRestrictions } from './subjects.v1.js';
import { callOutcomeRequest, creditorLine, creditorLineList, registerLineRequest, routeCallRequest, routeDecision } from './telephony.v1.js';

/** Every schema the API publishes; importing them registers their ids for the components section. */
export const API_SCHEMAS = [
  registerCaseRequest,
  caseStatus,
  requestRelay,
  relayBinding,
  routeCallRequest,
  routeDecision,
  callOutcomeRequest,
  registerLineRequest,
  creditorLine,
  creditorLineList,
  restrictSubjectRequest,
  subjectRestrictions,
  eraseSubjectRequest,
  erasureReceipt,
  subjectReport,
  auditPage,
  auditVerification,
  problemDetails,
] as const;

const COMMON_ERRORS: Record<number, string> = {
  400: 'VALIDATION_FAILED, MALFORMED_JSON, MALFORMED_REQUEST: the body or a parameter breaks the contract (`problems` names each field), or the request cannot be parsed as HTTP',
  401: 'TOKEN_MISSING, TOKEN_INVALID, TOKEN_EXPIRED: no valid bearer token',
  403: 'ROLE_NOT_PERMITTED: the token\'s role may not call this route',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_ENCODING: the body\'s charset or content encoding is not supported',
  431: 'HEADERS_TOO_LARGE: the request headers are over the server\'s limit',
  429: 'RATE_LIMITED: too many requests for this token; see Retry-After',
  503: 'DEPENDENCY_UNAVAILABLE: a store (the audit log included) is unavailable; nothing was disclosed or changed',
};

/** The OpenAPI 3.1 document, built from the zod contracts and the route table so neither can drift. */
export function buildOpenApiDocument(routes: RouteSpec[] = API_ROUTES): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'recontact API',
      version: '1.0.0',
      description:
        'Masked relay numbers for collection systems, call routing for telephony, audit and subject rights for privacy officers. ' +
        'No response to a collector ever carries a real phone number, an id number, a person id or anything about a third party.',
    },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    security: [{ bearer: [] }],
    paths: pathsOf(routes),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: componentSchemas(routes),
    },
  };
}

export function renderOpenApiYaml(): string {
  return stringify(buildOpenApiDocument(), { lineWidth: 0 });
}

/** Only the schemas the routes reach: the registry also holds other contracts (such as events). */
function componentSchemas(routes: RouteSpec[]): Record<string, unknown> {
  const all = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  const wanted = new Set<string>(['Problem']);
  for (const r of routes) {
    if (r.body) wanted.add(r.body);
    for (const id of Object.values(r.responses)) if (id !== null) wanted.add(id);
    for (const id of Object.values(r.pathParams ?? {})) wanted.add(id);
  }
  const out: Record<string, unknown> = {};
  const pending = [...wanted];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id in out) continue;
    const schema = all.schemas[id];
    if (schema === undefined) throw new Error(`the API names schema ${id}, but no zod schema has that id`);
    const rest = { ...schema };
    delete rest.$schema;
    delete rest.$id;
    out[id] = rest;
    for (const m of JSON.stringify(rest).matchAll(/"#\/components\/schemas\/([A-Za-z0-9_]+)"/g)) pending.push(m[1]!);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function pathsOf(routes: RouteSpec[]): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operationOf(route);
  return paths;
}

function operationOf(route: RouteSpec): Record<string, unknown> {
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] = schema === null ? { description: 'Done; no body' } : { description: 'OK', content: { 'application/json': { schema: ref(schema) } } };
  }
  for (const [status, codes] of Object.entries(route.errors)) responses[status] = problem(codes.join(', '));
  for (const [status, text] of Object.entries(COMMON_ERRORS)) responses[status] ??= problem(text);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    'x-roles': route.roles,
    parameters: [
      ...Object.entries(route.pathParams ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: ref(schema) })),
      ...Object.entries(route.query ?? {}).map(([name, q]) => ({ name, in: 'query', required: false, description: q.description, schema: { type: q.schema } })),
    ],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } } : {}),
    responses,
  };
}
