import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { subjectReport } from '../../contracts/api/subjects.v1.js';
import { PrivacyHarness } from './privacy-harness.js';
import { creditorRecord, subjectValues, telcoRecord } from './subject-fixtures.js';

describe('subject access report (real Kafka and Neo4j)', function () {
  this.timeout(120_000);
  let h: PrivacyHarness;

  beforeEach(async () => {
    h = new PrivacyHarness();
    await h.setUp();
  });
  afterEach(() => h.tearDown());

  it("when a report is generated, then it lists each record with its legal basis, the cases and every decision about the subject, and no third party's number or id value", async () => {
    const a = subjectValues();
    const creditor = creditorRecord(a);
    const telco = telcoRecord(a);
    await h.send(creditor, telco);
    const personId = (await h.personOf(creditor))!;
    const ref = await h.openCase(personId, '{}');
    const binding = await h.bind(ref, personId);
    await h.privacy.restrict(h.call(), personId, { reason: 'dispute' });
    await h.audit.append({
      action: 'telephony.route', actor: { subject: 'carrier-1', role: 'telephony' }, outcome: 'denied', reason: 'RESTRICTED_DISPUTE',
      resources: { personId, caseId: ref.caseId, creditor: ref.creditor, callId: 'call-1' }, fingerprints: { from: 'f'.repeat(64) },
    });
    await h.audit.append({ action: 'case.read', actor: { subject: 'agent-9', role: 'collector', creditor: 'other' }, outcome: 'allowed', resources: { personId: randomUUID() } });
    const aboutSubject = h.audit.about(personId).map((r) => r.seq);

    const report = await h.privacy.report(h.call(), personId);
    subjectReport.parse(report);

    const bySource = new Map(report.records.map((r) => [r.sourceId, r]));
    const fromCreditor = bySource.get('demo-creditor')!;
    const fromTelco = bySource.get('demo-telco')!;
    for (const [record, sourceId] of [[fromCreditor, 'demo-creditor'], [fromTelco, 'demo-telco']] as const) {
      const source = h.registry.get(sourceId)!;
      assert.deepEqual([record.sourceName, record.legalBasis, record.retentionDays], [source.name, source.legalBasis, source.retentionDays]);
    }
    assert.equal(fromCreditor.sourceRecordId, creditor.sourceRecordId);
    assert.deepEqual(fromCreditor.names, [{ full: a.name, script: 'Hans' }]);
    assert.equal(fromCreditor.birthDate, a.birthDate);
    assert.deepEqual(fromCreditor.phones.map((p) => [p.number, p.status]), [[a.phone, 'active']]);
    assert.deepEqual(fromCreditor.emails.map((e) => e.address), [a.email]);
    assert.deepEqual(fromCreditor.addresses.map((x) => x.lines), [[a.addressLine]]);
    assert.equal(fromCreditor.employer, a.employer);
    assert.deepEqual(fromCreditor.nationalIds, [{ country: 'CN', type: 'CN_RIC' }]);
    assert.deepEqual(fromTelco.thirdPartyRelations, { frequent_contact: 1 });
    assert.deepEqual(report.contacts.filter((c) => c.best).map((c) => c.value), [a.phone]);
    assert.deepEqual(report.restrictions.map((r) => r.reason), ['dispute']);
    assert.deepEqual(report.cases.map((c) => [c.creditor, c.caseId]), [[ref.creditor, ref.caseId]]);
    assert.deepEqual(report.relayBindings.map((b) => [b.bindingId, b.state]), [[binding.id, 'revoked']]);
    assert.deepEqual(report.decisions.map((d) => d.seq), aboutSubject, 'every audit record about the subject, and only those');
    assert.ok(report.decisions.some((d) => d.action === 'telephony.route' && d.reason === 'RESTRICTED_DISPUTE'));

    const text = JSON.stringify(report);
    const idFingerprints = await h.graph.run('MATCH (:Record {key: $key})-[:HAS_NATIONAL_ID]->(n) RETURN n.fingerprint AS f', { key: `demo-creditor:${creditor.sourceRecordId}` });
    for (const secret of [a.thirdParty, a.thirdParty.slice(3), a.nationalId, idFingerprints.records[0]!.get('f') as string, 'f'.repeat(64)]) {
      assert.ok(!text.includes(secret), `the report never holds ${secret.slice(0, 4)}…`);
    }
    const last = h.audit.records.at(-1)!;
    assert.deepEqual([last.action, last.resources?.personId, last.actor.role], ['subject.report', personId, 'privacy_officer']);
  });
});
