import { strict as assert } from 'node:assert';
import { InMemoryAuditLog } from '../../src/audit/in-memory-audit-log.js';
import { signed, telcoEvent } from '../support/test-sources.js';
import { waitFor } from '../support/wait.js';
import { IngestHarness } from './ingest-harness.js';

describe('ingest rejections in the audit log (real Kafka and Neo4j)', function () {
  this.timeout(120_000);
  let h: IngestHarness;
  const audit = new InMemoryAuditLog('ingest');

  beforeEach(async () => {
    h = new IngestHarness();
    await h.setUp();
  });
  afterEach(() => h.tearDown());

  it('when events are dead-lettered, then each is an ingest.reject record with the claimed source and reason code, never the payload', async () => {
    await h.startPipeline({}, false, () => new Date(), audit);
    const forged = telcoEvent({ phone: '+8619912345678' });
    await h.produce([
      signed(forged, 'demo-creditor'),
      { ...signed(telcoEvent()), headers: { 'source-id': 'nobody', signature: 'ab' } },
    ]);
    await waitFor(
      '2 audit records',
      async () => audit.records.length,
      (n) => n >= 2,
    );

    const byReason = new Map(audit.records.map((r) => [r.reason, r]));
    const bad = byReason.get('BAD_SIGNATURE')!;
    assert.deepEqual(
      [bad.action, bad.outcome, bad.actor, bad.resources],
      [
        'ingest.reject',
        'denied',
        { subject: 'demo-telco', role: 'source' },
        { sourceId: 'demo-telco' },
      ],
    );
    assert.equal(bad.details?.topic, h.topic);
    const unknown = byReason.get('UNKNOWN_SOURCE')!;
    assert.deepEqual(
      [unknown.actor, unknown.resources],
      [{ subject: 'unknown', role: 'source' }, undefined],
    );
    assert.doesNotMatch(JSON.stringify(audit.stored), /8619912345678|sourceRecordId|eventId/);
  });

  it('when the audit store is down, then the offset is not committed: the rejection is retried until it is on record', async () => {
    const flaky = new InMemoryAuditLog('ingest-flaky');
    flaky.failing = true;
    await h.startPipeline({ retryInitialMs: 50, retryMaxMs: 200 }, false, () => new Date(), flaky);
    await h.produce([signed(telcoEvent(), 'demo-creditor')]);
    await h.deadLetters(1);
    assert.equal(flaky.records.length, 0);
    assert.ok(
      (await h.metricValue('recontact_ingest_transient_retries_total', { step: 'audit' })) >= 1,
    );
    // Counted only once the chunk commits, which waits for the audit record.
    assert.equal(
      await h.metricValue('recontact_ingest_events_rejected_total', {
        source: 'demo-telco',
        reason: 'BAD_SIGNATURE',
      }),
      0,
    );

    flaky.failing = false;
    await waitFor(
      'the rejection on record',
      async () => flaky.records.length,
      (n) => n === 1,
    );
    await waitFor(
      'the chunk committed',
      () =>
        h.metricValue('recontact_ingest_events_rejected_total', {
          source: 'demo-telco',
          reason: 'BAD_SIGNATURE',
        }),
      (n) => n === 1,
    );
  });
});
