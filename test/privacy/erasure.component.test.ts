import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { Neo4jCallDecisionStore } from '../../src/relay/neo4j-call-decision-store.js';
import { Neo4jCaseStore } from '../../src/relay/neo4j-case-store.js';
import { recordFingerprint } from '../../src/resolve/record-fingerprint.js';
import { DEFAULT_MODEL } from '../../src/resolve/scoring/default-model.js';
import { uniqueMobile } from '../resolve/resolution-fixtures.js';
import { signed } from '../support/test-sources.js';
import { waitFor } from '../support/wait.js';
import { keyOf, PrivacyHarness } from './privacy-harness.js';
import { scanGraph } from './scan-graph.js';
import { creditorRecord, subjectValues, telcoRecord } from './subject-fixtures.js';

const CREDITOR_LINE = '+861088886666';

describe('erasure (real Kafka and Neo4j)', function () {
  this.timeout(240_000);
  let h: PrivacyHarness;

  beforeEach(async () => {
    h = new PrivacyHarness();
    await h.setUp();
  });
  afterEach(() => h.tearDown());

  async function values(query: string, params: Record<string, unknown>): Promise<string[]> {
    const r = await h.graph.run<{ v: string }>(query, params);
    return r.records.map((x) => x.get('v'));
  }

  async function phone(e164: string) {
    const r = await h.graph.run('MATCH (ph:Phone {e164: $e164}) RETURN ph.conflict AS conflict, ph.conflictPersons AS persons', { e164 });
    const row = r.records[0];
    return row && { conflict: row.get('conflict') as string | null, persons: (row.get('persons') as string[] | null) ?? [] };
  }

  it('when a subject is erased, then no node or relationship property anywhere holds their values, while a person sharing their phone keeps theirs', async () => {
    const a = subjectValues();
    const b = subjectValues();
    const shared = uniqueMobile();
    const aCreditor = creditorRecord(a, { alsoPhone: shared });
    const aTelco = telcoRecord(a);
    const bCreditor = creditorRecord(b, { alsoPhone: shared });
    await h.send(aCreditor, aTelco, bCreditor);
    const personA = (await h.personOf(aCreditor))!;
    const personB = (await h.personOf(bCreditor))!;
    assert.ok(personA && personB && personA !== personB);
    assert.equal(await h.personOf(aTelco), personA);
    assert.deepEqual((await phone(shared))?.persons.sort(), [personA, personB].sort(), 'a shared line is flagged while two persons hold it');

    const ref = await h.openCase(personA, JSON.stringify({ names: [{ full: a.name }], phones: [{ e164: a.phone }] }));
    const binding = await h.bind(ref, personA);
    const callId = randomUUID();
    await new Neo4jCallDecisionStore(h.graph, h.relayAudit).save(
      {
        callId, action: 'connect', to: a.phone, reason: 'ALLOWED', announcement: null, direction: 'outbound', bindingId: binding.id,
        caseId: ref.caseId, creditor: ref.creditor, personId: personA, fromNumber: CREDITOR_LINE, atMs: Date.now(),
      },
      { action: 'telephony.route', actor: { subject: 'carrier', role: 'telephony' }, outcome: 'allowed', resources: { callId } },
    );

    const keys = [keyOf(aCreditor), keyOf(aTelco)];
    const byRecords = { keys };
    const fingerprints = await values('MATCH (r:Record)-[:HAS_NATIONAL_ID|REPORTS_THIRD_PARTY]->(x) WHERE r.key IN $keys RETURN x.fingerprint AS v', byRecords);
    const bBlockKeys = new Set(await values('MATCH (r:Record {key: $key}) UNWIND r.blockKeys AS v RETURN v', { key: keyOf(bCreditor) }));
    const aBlockKeys = (await values('MATCH (r:Record) WHERE r.key IN $keys UNWIND r.blockKeys AS v RETURN DISTINCT v', byRecords)).filter((k) => !bBlockKeys.has(k));
    assert.equal(fingerprints.length, 2, 'the national id and the third party, as fingerprints');
    const needles = [
      a.name, a.phone, a.email, a.addressLine, a.employer, ...fingerprints, ...keys,
      aCreditor.sourceRecordId, aTelco.sourceRecordId, ...aBlockKeys,
    ];
    const before = await scanGraph(h.graph, needles);
    for (const needle of [a.name, a.phone, a.email, a.addressLine, a.employer, ...fingerprints, ...keys]) {
      assert.ok(before.some((f) => f.needle === needle), `the scan finds ${needle.slice(0, 12)}… before erasure`);
    }

    const receipt = await h.privacy.erase(h.call(), personA, { reason: 'GDPR Art. 17(1)(a), request 2024-117' });
    assert.deepEqual(
      [receipt.recordsErased, receipt.tombstones, receipt.casesMarkedErased, receipt.bindingsRevoked],
      [2, 2, 1, 1],
    );

    assert.deepEqual(await scanGraph(h.graph, needles), [], 'nothing of the erased subject is left anywhere');

    assert.equal(await h.personOf(bCreditor), personB, 'the other person is untouched');
    assert.deepEqual(await phone(shared), { conflict: null, persons: [] }, 'the shared line is theirs alone now, re-resolved');
    const bContacts = await values('MATCH (:Person {id: $id})-[:HAS_CONTACT]->(ph:Phone) RETURN ph.e164 AS v', { id: personB });
    assert.deepEqual(bContacts.sort(), [b.phone, shared].sort());
    assert.equal((await h.graph.run('MATCH (p:Person {id: $id}) RETURN p', { id: personA })).records.length, 0);

    const kase = await new Neo4jCaseStore(h.graph, DEFAULT_MODEL, () => 1).find(ref);
    assert.equal(kase?.erased, true, 'the case keeps the creditor\'s reference, marked erased');
    assert.equal(kase?.personId, null);
    const stored = await h.graph.run('MATCH (d:CallDecision {callId: $callId}) RETURN d.to AS to, d.fromNumber AS fromNumber', { callId });
    assert.equal(stored.records.length, 1, 'the decision stays, without its numbers');
    assert.equal(stored.records[0]!.get('to'), null);
    assert.equal(stored.records[0]!.get('fromNumber'), null);
    assert.deepEqual(await h.binding(binding.id), { state: 'revoked', endReason: 'SUBJECT_ERASED' });

    const basis = h.registry.get('demo-creditor')!.legalBasis;
    const tombstones = await h.graph.run('MATCH (t:ErasureTombstone) WHERE t.fingerprint IN $f RETURN t.legalBasis AS basis, t.sourceId AS sourceId', {
      f: keys.map((k) => recordFingerprint(h.identifierKey, k)),
    });
    assert.equal(tombstones.records.length, 2);
    assert.ok(tombstones.records.some((t) => t.get('sourceId') === 'demo-creditor' && t.get('basis') === basis));
    const erasure = h.audit.records.find((r) => r.action === 'subject.erase');
    assert.equal(erasure?.resources?.personId, personA);
    assert.equal(erasure?.legalBasis, 'GDPR Art. 17(1)(a), request 2024-117');
  });

  it('when an erased record is sent again, then ingest drops it unless it names a new legal basis, with which it is applied', async () => {
    const a = subjectValues();
    const first = creditorRecord(a);
    await h.send(first);
    const personA = (await h.personOf(first))!;
    await h.privacy.erase(h.call(), personA, {});
    const key = keyOf(first);
    const fingerprint = recordFingerprint(h.identifierKey, key);

    const appliedBefore = await h.ingest.metricValue('recontact_ingest_events_applied_total', { source: 'demo-creditor' });
    const again = creditorRecord(a, { recordId: first.sourceRecordId });
    const sameBasis = creditorRecord(a, { recordId: first.sourceRecordId, legalBasis: h.registry.get('demo-creditor')!.legalBasis });
    await h.ingest.produce([signed(again), signed(sameBasis)]);
    await waitFor('two dropped events', () => dropped(), (n) => n === 2, 60_000);
    assert.equal(await recordCount(key), 0, 'a dropped event writes nothing');
    assert.equal((await h.graph.run('MATCH (e:Email {address: $a}) RETURN e', { a: a.email })).records.length, 0);
    assert.equal(await h.ingest.metricValue('recontact_ingest_events_rejected_total', { source: 'demo-creditor' }), 0, 'never dead-lettered');
    assert.equal(await h.ingest.metricValue('recontact_ingest_events_applied_total', { source: 'demo-creditor' }), appliedBefore, 'nor counted as applied');
    const drops = h.audit.records.filter((r) => r.action === 'ingest.drop');
    assert.deepEqual(
      drops.map((d) => [d.actor.role, d.actor.subject, d.reason, d.fingerprints?.record]),
      [['source', 'demo-creditor', 'SUBJECT_ERASED', fingerprint], ['source', 'demo-creditor', 'SUBJECT_ERASED', fingerprint]],
    );
    assert.ok(!JSON.stringify(drops).includes(a.name) && !JSON.stringify(drops).includes(key), 'the audit holds the fingerprint only');

    const renewed = creditorRecord(a, { recordId: first.sourceRecordId, legalBasis: 'Contract of 2026-11-01 with the subject' });
    await h.send(renewed);
    const stored = await h.graph.run('MATCH (r:Record {key: $key}) RETURN r.legalBasis AS basis, r.eventId AS eventId', { key });
    assert.equal(stored.records[0]?.get('eventId'), renewed.eventId);
    assert.equal(stored.records[0]?.get('basis'), 'Contract of 2026-11-01 with the subject');
    assert.ok(await h.personOf(renewed), 'the re-admitted record is resolved as any other');
    assert.equal((await h.graph.run('MATCH (t:ErasureTombstone {fingerprint: $f}) RETURN t', { f: fingerprint })).records.length, 0, 'the tombstone is cleared');
    const readmit = h.audit.records.find((r) => r.action === 'ingest.readmit');
    assert.equal(readmit?.legalBasis, 'Contract of 2026-11-01 with the subject');
    assert.equal(readmit?.fingerprints?.record, fingerprint);

    async function dropped() {
      return h.ingest.metricValue('recontact_ingest_events_dropped_total', { source: 'demo-creditor', reason: 'SUBJECT_ERASED' });
    }
  });

  async function recordCount(key: string): Promise<number> {
    return (await h.graph.run('MATCH (r:Record {key: $key}) RETURN r', { key })).records.length;
  }
});

