import { strict as assert } from 'node:assert';
import { ROLES } from '../../src/actor.js';
import { API_ROUTES, type RouteSpec } from '../../contracts/api/routes.js';
import { RelayFixture } from '../relay/relay-fixture.js';
import { api } from '../support/api-client.js';
import { uniqueName } from '../support/test-config.js';
import { tokenFor } from '../support/tokens.js';

const SAMPLE_PARAMS: Record<string, string> = {
  caseId: 'CASE-0001',
  bindingId: '00000000-0000-4000-8000-000000000000',
  callId: 'call-0001',
  creditorId: 'bank-a',
  personId: '00000000-0000-4000-8000-000000000001',
};

function pathOf(route: RouteSpec): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');
}

/**
 * Every published operation × every role (and no token), generated from the route table that also
 * generates the OpenAPI document, so a new route cannot skip authorization unnoticed.
 */
describe('authorization matrix: every route × every role (real service)', function () {
  this.timeout(120_000);
  const f = new RelayFixture(2);

  before(() => f.start());
  after(() => f.stop());

  for (const route of API_ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path} admits only ${route.roles.join(', ')}`, async () => {
      const anonymous = await api(f.url, route.method.toUpperCase(), pathOf(route), undefined, route.body ? {} : undefined);
      assert.equal(anonymous.status, 401, `${route.operationId} without a token`);
      assert.equal(anonymous.body.code, 'TOKEN_MISSING');
      for (const role of ROLES) {
        const creditor = role === 'collector' ? uniqueName('bank') : undefined;
        const res = await api(f.url, route.method.toUpperCase(), pathOf(route), tokenFor(role, creditor), route.body ? {} : undefined);
        if (route.roles.includes(role)) {
          assert.ok(res.status !== 401 && res.status !== 403, `${route.operationId} refused ${role}: ${res.text}`);
        } else {
          assert.equal(res.status, 403, `${route.operationId} let ${role} through: ${res.status}`);
          assert.equal(res.body.code, 'ROLE_NOT_PERMITTED');
        }
      }
    });
  }

  it('when a route is called, then every denial above was audited as auth.deny', async () => {
    const denials = await f.service.graph.run(
      `MATCH (a:AuditRecord {chain: $chain, action: 'auth.deny'}) RETURN a.reason AS reason, count(*) AS n`,
      { chain: f.config.audit.chain },
    );
    const byReason = Object.fromEntries(denials.records.map((r) => [r.get('reason') as string, r.get('n') as number]));
    const forbidden = API_ROUTES.reduce((n, r) => n + ROLES.filter((role) => !r.roles.includes(role)).length, 0);
    assert.equal(byReason.TOKEN_MISSING, API_ROUTES.length);
    assert.equal(byReason.ROLE_NOT_PERMITTED, forbidden);
  });
});
