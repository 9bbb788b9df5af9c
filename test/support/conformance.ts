import { strict as assert } from 'node:assert';
import { z } from 'zod';
import { API_SCHEMAS } from '../../contracts/api/openapi.js';
import { API_ROUTES } from '../../contracts/api/routes.js';
import type { ApiResponse } from './api-client.js';

const byId = new Map<string, z.ZodType>(
  API_SCHEMAS.map((schema) => [String(z.globalRegistry.get(schema)?.id), schema as z.ZodType]),
);

/**
 * Checks a response against the published contract of its operation: a documented status, the
 * documented content type, and a body that parses under the response schema (problem details for errors).
 */
export function assertConforms(operationId: string, res: ApiResponse<unknown>): void {
  const route = API_ROUTES.find((r) => r.operationId === operationId);
  assert.ok(route, `no operation ${operationId}`);
  if (res.status >= 400) {
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const parsed = byId.get('Problem')!.safeParse(res.body);
    assert.ok(parsed.success, `problem body breaks the contract: ${res.text}`);
    return;
  }
  assert.ok(res.status in route.responses, `${operationId} answered an undocumented ${res.status}`);
  const schemaId = route.responses[res.status];
  if (schemaId === null || schemaId === undefined) return;
  const schema = byId.get(schemaId);
  assert.ok(schema, `schema ${schemaId} is not published`);
  const parsed = schema.safeParse(res.body);
  assert.ok(parsed.success, `${operationId} ${res.status} body breaks ${schemaId}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`);
}
