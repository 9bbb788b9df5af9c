import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { exportSource } from '../../src/cli/clusters-command.js';
import { csvRow } from '../../src/cli/csv-row.js';
import { maskPhone } from '../../src/cli/mask-contact.js';
import type { PersonExplanation } from '../../src/cli/person-explanation.js';
import { IngestHarness, seen } from '../ingest/ingest-harness.js';
import { cnResidentId, creditorEvent, registryEvent, telcoRecordEvent, uniqueHanName, uniqueMobile } from '../resolve/resolution-fixtures.js';
import { runCli } from '../support/run-cli.js';
import { canRestartLocalInfra } from '../support/test-config.js';
import { signed } from '../support/test-sources.js';
import { runCliStreamed } from './run-cli-streamed.js';

type Event = { sourceId: string; sourceRecordId: string; eventId: string };
const keyOf = (e: Event) => `${e.sourceId}:${e.sourceRecordId}`;
const NOW = new Date('2024-05-20T00:00:00Z');

describe('data-quality CLI: recontact explain and recontact clusters (real Neo4j, resolved by the real pipeline)', function () {
  this.timeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const name = uniqueHanName();
  const nationalId = cnResidentId('19850615');
  const phone = uniqueMobile();
  const thirdParty = uniqueMobile();
  const email = `wei.${tag}@example.com`;
  const registry = registryEvent({ name, birthDate: '1985-06-15', nationalId, recordId: `REG-${tag}` });
  const creditorBase = creditorEvent({ name, birthDate: '1985-06-15', nationalId, phone, recordId: `CRED-${tag}` });
  const creditor = { ...creditorBase, subject: { ...creditorBase.subject, emails: [{ address: email, lastSeenAt: '2024-04-30T00:00:00Z' }] } };
  const telco = telcoRecordEvent({ name, phones: [{ number: phone, status: 'active' }], thirdParty, recordId: `TEL-${tag}` });
  // Name and full birth date only: the review band, kept apart as a possible match.
  const lookalike = registryEvent({ name, birthDate: '1985-06-15', recordId: `REG-${tag}-lookalike` });
  const unrelated = creditorEvent({ name: uniqueHanName('赵'), birthDate: '1990-02-02', nationalId: cnResidentId('19900202'), phone: uniqueMobile(), recordId: `CRED-${tag}-other` });
  const retracted = telcoRecordEvent({ name: uniqueHanName('钱'), phones: [{ number: uniqueMobile(), status: 'active' }], recordId: `TEL-${tag}-gone` });
  // Records stored before resolution ran have no person; written directly, under a source of their own.
  const unresolvedSource = `test-export-${tag}`;
  const unresolvedIds = ['X-1', 'X-2', 'X-3,"quoted"', 'X-4-retracted', 'X-5'].map((id) => `${id}-${tag}`);

  let h: IngestHarness;
  let personOf: Map<string, string | null>;

  before(async () => {
    h = new IngestHarness();
    await h.setUp();
    await h.startPipeline({}, true, () => NOW);
    await ingest(registry, creditor, telco, lookalike, unrelated, retracted);
    const retraction = { eventId: randomUUID(), sourceId: 'demo-telco', sourceRecordId: retracted.sourceRecordId, observedAt: '2024-05-10T00:00:00Z', op: 'retract' as const };
    await ingest(retraction);
    await h.graph.run(
      `UNWIND $ids AS id
       CREATE (:Record {key: $sourceId + ':' + id, sourceId: $sourceId, sourceRecordId: id, retracted: id CONTAINS 'retracted'})`,
      { sourceId: unresolvedSource, ids: unresolvedIds },
    );
    const rows = await h.graph.run(
      'UNWIND $keys AS key MATCH (r:Record {key: key}) OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person) RETURN key, p.id AS personId',
      { keys: [registry, creditor, telco, lookalike, unrelated, retracted].map(keyOf) },
    );
    personOf = new Map(rows.records.map((r) => [r.get('key') as string, r.get('personId') as string | null]));
  });

  after(async () => {
    await h.graph.run('MATCH (r:Record {sourceId: $sourceId}) DETACH DELETE r', { sourceId: unresolvedSource });
    await h.tearDown();
  });

  async function ingest(...events: Event[]) {
    await h.produce(events.map((e) => signed(e)));
    await h.waitForApplied(events.map(seen));
  }

  const person = () => personOf.get(keyOf(registry))!;
  const secrets = () => [phone, phone.slice(3), nationalId, name, thirdParty, thirdParty.slice(3), maskPhone(thirdParty), email];

  it('when a person is explained, then every record shows its source, link, evidence and rules, and contacts are masked', async () => {
    assert.ok(person());
    assert.equal(personOf.get(keyOf(creditor)), person());
    assert.equal(personOf.get(keyOf(telco)), person());

    const run = await runCli(['explain', person()]);
    assert.equal(run.code, 0, run.stderr);
    const out = run.stdout;
    assert.match(out, new RegExp(`^person ${person()}  reachability reachable`));
    assert.match(out, /records \(3, by key\)/);
    for (const e of [creditor, registry, telco]) {
      assert.ok(out.includes(`  ${keyOf(e)}\n    source ${e.sourceId}, record ${e.sourceRecordId}\n`), `${keyOf(e)} is listed with its source`);
    }
    assert.deepEqual(
      [...out.matchAll(/^ {2}(demo-\S+:\S+)$/gm)].map((m) => m[1]),
      [creditor, registry, telco].map(keyOf).sort(),
      'records are sorted by key',
    );
    assert.equal(out.match(/first record: every link leads back to it/g)?.length, 1);
    assert.equal(out.match(/linked via demo-\S+, score \d+\.\d, rules fs-default-3, decided \d{4}-/g)?.length, 2);
    assert.match(out, / {6}name: exact \(\+8\.1\)\n/);
    assert.equal(out.match(/ {6}total \d+\.\d ≥ link 18\n/g)?.length, 2);

    assert.match(out, new RegExp(`~ ${keyOf(lookalike)} of person ${personOf.get(keyOf(lookalike))}, score 1\\d\\.\\d`), 'the look-alike is a possible match');
    assert.match(out, /total 1\d\.\d < link 18, ≥ review 10/);

    const maskedPhone = `+86 ${phone.slice(3, 6)}****${phone.slice(-4)}`;
    assert.match(out, new RegExp(`1\\. ${maskedPhone.replace(/[+*]/g, '\\$&')}  phone, active, reachable, .*sources demo-creditor demo-telco \\(corroboration 2\\).*<- best contact`));
    assert.match(out, /\d\. w\*\*\*@example\.com {2}email, (not )?reachable, /);
    for (const secret of secrets()) assert.ok(!out.includes(secret), 'no raw contact value, national id, name or third-party number is printed');
  });

  it('when explained as JSON, then one object carries the same masked content', async () => {
    const run = await runCli(['explain', person(), '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim().split('\n').length, 1);
    const x = JSON.parse(run.stdout) as PersonExplanation;
    assert.equal(x.personId, person());
    assert.deepEqual(x.records.map((r) => r.key), [creditor, registry, telco].map(keyOf).sort());
    assert.equal(x.records.filter((r) => r.link !== null).every((r) => r.link!.evidence.at(-1)!.startsWith('total ')), true);
    assert.equal(x.bestContact, maskPhone(phone));
    assert.deepEqual(x.contacts.filter((c) => c.best).map((c) => c.value), [maskPhone(phone)]);
    assert.ok(x.possibleMatches.some((m) => m.otherRecordKey === keyOf(lookalike)));
    for (const secret of secrets()) assert.ok(!run.stdout.includes(secret), 'the JSON holds no raw value either');
  });

  it('when the person id is unknown, then it exits 2 saying so', async () => {
    const id = randomUUID();
    const run = await runCli(['explain', id]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim().split('\n').at(-1), `recontact explain: no person ${id}`);
    assert.equal(run.stdout, '');
    const bare = await runCli(['explain']);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /usage: recontact explain <personId> \[--json\]/);
  });

  it("when run on the local embedded servers with no Neo4j settings, then it finds the graph and its password itself", async function () {
    if (!canRestartLocalInfra()) this.skip();
    const run = await runCli(['explain', person(), '--json'], { KAFKA_BROKERS: '', NEO4J_URI: '', NEO4J_USER: '', NEO4J_PASSWORD: '' });
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as PersonExplanation).personId, person());
  });

  it("when clusters are exported as CSV, then each current record appears once with its person, sorted by source and record id", async () => {
    const run = await runCliStreamed(['clusters', '--format', 'csv'], (line) => line.includes(tag));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.first, 'sourceId,sourceRecordId,personId');
    const expected = [
      [creditor, person()],
      [unrelated, personOf.get(keyOf(unrelated))],
      [registry, person()],
      [lookalike, personOf.get(keyOf(lookalike))],
      [telco, person()],
    ].map(([e, p]) => csvRow([(e as Event).sourceId, (e as Event).sourceRecordId, p as string]).trimEnd());
    const unresolved = unresolvedIds.filter((id) => !id.includes('retracted')).map((id) => csvRow([unresolvedSource, id, '']).trimEnd());
    assert.deepEqual(run.kept, [...expected, ...unresolved]);
    assert.ok(unresolved.includes(`${unresolvedSource},"X-3,""quoted""-${tag}",`), 'a field with a comma or quote is quoted');
    const persons = new Set([person(), personOf.get(keyOf(unrelated)), personOf.get(keyOf(lookalike))]);
    assert.equal(persons.size, 3, 'the unrelated record and the look-alike are persons of their own');
    assert.equal(personOf.get(keyOf(retracted)), null);
  });

  it('when a source is exported in small pages, then the pages join into the same rows, retracted ones left out', async () => {
    for (const pageSize of [1, 2, 3, 4, 100]) {
      let text = '';
      await exportSource(h.graph, unresolvedSource, async (t) => ((text += t), 'written'), pageSize);
      assert.equal(text, unresolvedIds.filter((id) => !id.includes('retracted')).map((id) => csvRow([unresolvedSource, id, ''])).join(''), `page size ${pageSize}`);
    }
  });

  it('when another format is asked for, then it exits 2 naming the formats there are', async () => {
    const run = await runCli(['clusters', '--format', 'xml']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /recontact clusters: --format must be one of: csv \(got xml\)/);
    assert.equal(run.stdout, '');
  });
});
