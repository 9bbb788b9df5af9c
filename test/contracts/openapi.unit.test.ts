import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { buildOpenApiDocument } from '../../contracts/api/openapi.js';
import { API_ROUTES } from '../../contracts/api/routes.js';
import { readRepoFile } from './repo-files.js';

describe('OpenAPI document', () => {
  const fresh = buildOpenApiDocument();

  it('when a contract or route changes, then the committed contracts/openapi.yaml must be regenerated to match', () => {
    assert.deepStrictEqual(
      parse(readRepoFile('contracts/openapi.yaml')),
      JSON.parse(JSON.stringify(fresh)),
      'contracts/openapi.yaml is stale: run `npm run build && node dist/contracts/api/generate-openapi.js`',
    );
  });

  it('when published, then it is OpenAPI 3.1 and every operation declares roles, errors as problem+json and a bearer token', () => {
    assert.equal(fresh.openapi, '3.1.0');
    const paths = fresh.paths as Record<string, Record<string, { 'x-roles': string[]; responses: Record<string, { content?: Record<string, unknown> }> }>>;
    for (const route of API_ROUTES) {
      const op = paths[route.path]?.[route.method];
      assert.ok(op, `${route.method} ${route.path} missing`);
      assert.ok(op['x-roles'].length > 0);
      for (const status of ['400', '401', '403', '429', '503']) {
        assert.ok(op.responses[status]?.content?.['application/problem+json'], `${route.operationId} lacks ${status}`);
      }
    }
  });

  it('when a collector-facing schema is published, then it has no field that could carry a number or a person', () => {
    const schemas = (fresh.components as { schemas: Record<string, unknown> }).schemas;
    const fieldNames = (schema: unknown): string[] => {
      if (typeof schema !== 'object' || schema === null) return [];
      const properties = (schema as { properties?: Record<string, unknown> }).properties ?? {};
      return [...Object.keys(properties), ...Object.values(properties).flatMap(fieldNames)];
    };
    for (const id of ['CaseStatus', 'RelayBinding']) {
      const names = fieldNames(schemas[id]);
      assert.ok(names.length > 0);
      for (const name of names) assert.doesNotMatch(name, /^(phone|phones|number|to|personId|name|names|nationalId|address)$/, `${id} exposes ${name}`);
    }
  });
});
