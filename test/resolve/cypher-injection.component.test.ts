import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { RelayFixture } from '../relay/relay-fixture.js';
import { uniqueName } from '../support/test-config.js';
import { waitFor } from '../support/wait.js';

const CYPHER = {
  full: "'}) DETACH DELETE n //",
  given: '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  family: '`n` } WITH 1 AS x MATCH (m) DETACH DELETE m //',
};
const ADDRESS_LINES = ["1' OR '1'='1", '}) MATCH (n) DETACH DELETE n //', '$key {x: 1}', "\\' CALL db.clearQueryCaches() //"];
const EMPLOYER = "Robert'); MATCH (n) DETACH DELETE n; --";
const EMAIL = "x'or'1'--@example.com";

/**
 * Values full of Cypher syntax travel as query parameters everywhere: they are stored and matched as
 * data, come back exactly as sent, and nothing else in the graph changes.
 */
describe('Cypher injection through provider data, case ids and API filters (real service)', function () {
  this.timeout(120_000);
  const f = new RelayFixture(2);
  const tag = randomUUID().slice(0, 8);
  const canaries = 5;

  const countCanaries = async () =>
    (await f.service.graph.run('MATCH (c:InjectionCanary {tag: $tag}) RETURN count(c) AS n', { tag })).records[0]?.get('n') as number;

  before(async () => {
    await f.start();
    await f.service.graph.run('UNWIND range(1, $n) AS i CREATE (:InjectionCanary {tag: $tag, i: i})', { n: canaries, tag });
  });
  after(async () => {
    await f.service.graph.run('MATCH (c:InjectionCanary {tag: $tag}) DETACH DELETE c', { tag }).catch(() => undefined);
    await f.stop();
  });

  it('when a provider sends a record whose id, names, email, address and employer are Cypher, then each is stored exactly and the rest of the graph is intact', async () => {
    const debtor = await f.debtor();
    const debtorKeys = [`demo-telco:${debtor.telcoRecordId}`, `demo-creditor:${debtor.creditorRecordId}`];
    const graphOf = async () => {
      const r = await f.service.graph.run(
        `MATCH (r:Record) WHERE r.key IN $keys OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person) OPTIONAL MATCH (p)-[:BEST_CONTACT]->(ph:Phone)
         RETURN count(DISTINCT r) AS records, count(DISTINCT p) AS persons, collect(DISTINCT ph.e164) AS best`,
        { keys: debtorKeys },
      );
      return r.records[0]!.toObject();
    };
    const before = await graphOf();

    const sourceRecordId = `INJ-${tag}-'"}) DETACH DELETE n //`;
    const names = [{ ...CYPHER, script: 'Latn' }];
    const addresses = [{ lines: ADDRESS_LINES, locality: "'; MATCH (n) RETURN n //", country: 'CN' }];
    const event = {
      eventId: randomUUID(),
      sourceId: 'demo-creditor',
      sourceRecordId,
      observedAt: '2026-06-01T00:00:00Z',
      op: 'upsert' as const,
      legalBasis: "Art. 6(1)(f)'}) DETACH DELETE n //",
      subject: { names, emails: [{ address: EMAIL }], addresses, employer: { name: EMPLOYER } },
    };
    await f.produce([event]);
    const key = `demo-creditor:${sourceRecordId}`;
    const stored = await waitFor(
      'the record with Cypher in every field',
      () => f.service.graph.run(
        `MATCH (r:Record {key: $key}) OPTIONAL MATCH (r)-[]->(e:Email)
         RETURN r.sourceRecordId AS id, r.namesJson AS names, r.addressesJson AS addresses, r.employer AS employer, r.legalBasis AS legalBasis, collect(e.address) AS emails`,
        { key },
      ),
      (r) => r.records.length === 1,
      30_000,
    );
    const r = stored.records[0]!;
    assert.equal(r.get('id'), sourceRecordId);
    assert.deepEqual(JSON.parse(r.get('names') as string), names);
    assert.deepEqual(JSON.parse(r.get('addresses') as string), addresses);
    assert.equal(r.get('employer'), EMPLOYER);
    assert.equal(r.get('legalBasis'), event.legalBasis);
    assert.deepEqual(r.get('emails'), [EMAIL]);

    assert.equal(await countCanaries(), canaries);
    assert.deepEqual(await graphOf(), before);

    // And back out through the API, exactly as sent.
    const person = await f.service.graph.run('MATCH (:Record {key: $key})-[:RESOLVES_TO]->(p:Person) RETURN p.id AS id', { key });
    const personId = person.records[0]?.get('id') as string;
    assert.ok(personId, 'the record resolved to a person');
    const report = await f.call<{ records: { sourceRecordId: string; names: unknown[]; employer: string; addresses: unknown[] }[] }>('GET', `/v1/subjects/${personId}/report`, { role: 'privacy_officer' });
    assert.equal(report.status, 200, report.text);
    const reported = report.body.records.find((x) => x.sourceRecordId === sourceRecordId);
    assert.ok(reported);
    assert.deepEqual(reported.names, names);
    assert.equal(reported.employer, EMPLOYER);
    assert.deepEqual(reported.addresses, addresses);
  });

  it('when a collector registers a debtor named in Cypher, or uses case ids with quotes, then names match as data and hostile ids are refused like unknown ones', async () => {
    const creditor = uniqueName('bank');
    const as = { role: 'collector' as const, creditor };
    const caseId = `CASE-${tag}`;
    const registered = await f.call('POST', '/v1/cases', as, { caseId, debtor: { names: [CYPHER], addresses: [{ lines: ADDRESS_LINES, country: 'CN' }] } });
    assert.equal(registered.status, 201, registered.text);
    assert.equal(registered.body.reachability, 'unmatched');

    const quoted = await f.call('POST', '/v1/cases', as, { caseId: "CASE-'}) DETACH DELETE n //", debtor: { names: [{ full: 'x' }] } });
    assert.equal(quoted.status, 400);
    assert.equal(quoted.body.code, 'VALIDATION_FAILED');
    assert.ok(!quoted.text.includes('DETACH'), 'the hostile id is not echoed');
    for (const id of ["' OR 1=1 //", '}) MATCH (n) DETACH DELETE n //', `${caseId}' OR '1'='1`]) {
      const read = await f.call('GET', `/v1/cases/${encodeURIComponent(id)}`, as);
      assert.equal(read.status, 404);
      assert.equal(read.body.code, 'CASE_NOT_FOUND');
    }
    const mine = await f.call('GET', `/v1/cases/${caseId}`, as);
    assert.equal(mine.status, 200);
    assert.equal(await countCanaries(), canaries);
  });

  it('when the audit log is searched with Cypher in its filters, then it matches the value as data rather than everything', async () => {
    const hostile = "' OR 1=1 //";
    for (const filter of ['caseId', 'actor', 'creditor', 'personId']) {
      const res = await f.call<{ records: { action: string; resources?: Record<string, string> }[] }>('GET', `/v1/audit?${filter}=${encodeURIComponent(hostile)}`, { role: 'privacy_officer' });
      assert.equal(res.status, 200, res.text);
      // The search is itself audited first, naming the filter's value: that record, and only it, matches.
      for (const record of res.body.records) {
        assert.equal(record.action, 'audit.query', filter);
        assert.equal(record.resources?.[filter], hostile, filter);
      }
      assert.ok(res.body.records.length <= 1, `${filter}: ${res.body.records.length} records`);
    }
    assert.equal(await countCanaries(), canaries);
  });
});
