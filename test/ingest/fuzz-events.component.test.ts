import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { decodeIdentityUpdate } from '../../src/ingest/decode-event.js';
import type { IngestMessage } from '../../src/ingest/ingest-message.js';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import { createEventProjector, type ProjectEvent } from '../../src/ingest/project-event.js';
import type { RejectionReason } from '../../src/ingest/rejection.js';
import type { SourceRegistry } from '../../src/ingest/source-registry.js';
import { testConfig } from '../support/test-config.js';
import { FUZZ_CASE_HEADER, hostileEvent, hostileEvents, hostileRecipe, validMessage, type FuzzContext, type FuzzSource } from './hostile-events.js';
import { header, IngestHarness } from './ingest-harness.js';

const FULL = process.env.RECONTACT_FULL_CAMPAIGN === '1';
const IN_PROCESS_RUNS = 10_000;
const THROUGH_KAFKA = FULL ? 10_000 : 1_000;
const SEED = Number(process.env.RECONTACT_CAMPAIGN_SEED ?? 20_260_601);

type Outcome = RejectionReason | 'ACCEPTED';

/** Exactly what the pipeline does with one message before any write: decode, then project. */
function outcomeOf(message: IngestMessage, registry: SourceRegistry, project: ProjectEvent, now: Date): Outcome {
  const decoded = decodeIdentityUpdate(message, registry, now);
  if (!decoded.ok) return decoded.rejection.reason;
  const projected = project(decoded.event, decoded.source);
  return projected.ok ? 'ACCEPTED' : projected.rejection.reason;
}

function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function table(title: string, counts: Map<string, number>): void {
  const rows = [...counts].sort(([a], [b]) => a.localeCompare(b));
  console.log(`      ${title}`);
  for (const [key, n] of rows) console.log(`        ${key.padEnd(28)} ${String(n).padStart(6)}`);
}

/** A provider's batches stay under the broker's request limits (1 MB per record batch by default). */
function byteBoundedBatches<T extends { value: Buffer }>(messages: T[], maxBytes: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const m of messages) {
    if (current.length > 0 && bytes + m.value.length > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += m.value.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const SOURCES: FuzzSource[] = ['demo-telco', 'demo-registry', 'demo-creditor'];

describe('bad-input campaign: hostile identity updates', function () {
  this.timeout(FULL ? 900_000 : 120_000);
  let registry: SourceRegistry;
  let project: ProjectEvent;
  let ctx: FuzzContext;

  before(() => {
    const config = testConfig();
    registry = loadSourceRegistry(config.ingest.registryFile!, config.secrets);
    project = createEventProjector({ fingerprintKey: config.ingest.identifierKey!, clock: () => new Date() });
    ctx = { marker: `FUZZ-${randomUUID().slice(0, 8)}-`, keyOf: (id) => registry.keyFor(id), now: () => new Date() };
  });

  afterEach(() => {
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false, 'Object.prototype was polluted');
  });

  it('when nothing is broken, then each source’s base event is accepted (the generators break only what they say)', () => {
    for (const source of SOURCES) {
      const message = validMessage(source, `BASE-${randomUUID()}`, ctx.keyOf);
      assert.equal(outcomeOf(message, registry, project, new Date()), 'ACCEPTED', source);
    }
  });

  it(`when ${IN_PROCESS_RUNS.toLocaleString('en')} hostile events are decoded, then each is rejected with the reason its breakage calls for`, () => {
    const byReason = new Map<string, number>();
    const byKind = new Map<string, number>();
    let id = 0;
    fc.assert(
      fc.property(hostileRecipe, (recipe) => {
        const hostile = hostileEvent(recipe, id++, ctx);
        const got = outcomeOf(hostile.message, registry, project, new Date());
        assert.equal(got, hostile.expected, `${hostile.kind}: expected ${hostile.expected}, got ${got}`);
        tally(byReason, got);
        tally(byKind, hostile.kind.split(':')[0]!);
      }),
      { numRuns: IN_PROCESS_RUNS, seed: SEED },
    );
    table(`in-process decoder, seed ${SEED}: ${id} events by reason`, byReason);
    table('by breakage', byKind);
    assert.equal([...byReason.values()].reduce((a, b) => a + b, 0), IN_PROCESS_RUNS);
  });

  describe(`through Kafka and the real pipeline (${THROUGH_KAFKA.toLocaleString('en')} events)`, () => {
    let h: IngestHarness;

    before(async () => {
      h = new IngestHarness();
      await h.setUp();
      await h.startPipeline({ chunkSize: 500 });
    });
    after(() => h.tearDown());

    it('when the hostile events are sent, then every one is dead-lettered once with its reason, nothing is written, and the consumer goes on to apply valid events', async () => {
      const hostile = hostileEvents(THROUGH_KAFKA, SEED + 1, ctx);
      const started = Date.now();
      for (const batch of byteBoundedBatches(hostile.map((e) => e.message), 512 * 1024)) await h.produce(batch);

      const letters = await h.deadLetters(hostile.length, FULL ? 600_000 : 90_000);
      const seconds = (Date.now() - started) / 1000;
      const expected = new Map(hostile.map((e) => [String(e.id), e]));
      const seenIds = new Set<string>();
      const byReason = new Map<string, number>();
      const wrong: string[] = [];
      for (const letter of letters) {
        const id = header(letter, FUZZ_CASE_HEADER) ?? '(none)';
        const want = expected.get(id);
        const reason = header(letter, 'dlq-reason') ?? '(none)';
        assert.ok(want, `a dead letter for no fuzzed event: ${id}`);
        assert.ok(!seenIds.has(id), `event ${id} (${want.kind}) was dead-lettered twice`);
        seenIds.add(id);
        if (reason !== want.expected) wrong.push(`${want.kind}: expected ${want.expected}, got ${reason}`);
        tally(byReason, reason);
      }
      assert.deepEqual(wrong, []);
      assert.equal(seenIds.size, hostile.length, 'every hostile event was dead-lettered');

      // The consumer is still alive: valid events sent after the campaign are applied.
      const valid = SOURCES.map((s) => validMessage(s, `AFTER-${randomUUID()}`, ctx.keyOf));
      await h.produce(valid);
      await h.waitForApplied(valid.map((m) => ({ key: m.key!.toString(), eventId: m.eventId })));

      const partial = await h.graph.run('MATCH (r:Record) WHERE r.key CONTAINS $marker RETURN count(r) AS n', { marker: ctx.marker });
      assert.equal(partial.records[0]?.get('n'), 0, 'no Record exists for any fuzzed sourceRecordId');
      const metrics = await h.metrics.getMetricsAsJSON();
      const sum = (name: string) => (metrics.find((m) => m.name === name)?.values ?? []).reduce((n, v) => n + v.value, 0);
      assert.equal(sum('recontact_ingest_events_rejected_total'), hostile.length);
      assert.equal(sum('recontact_ingest_events_applied_total'), valid.length);

      table(`through Kafka, seed ${SEED + 1}: ${hostile.length} events dead-lettered in ${seconds.toFixed(1)} s, by reason`, byReason);
    });
  });
});
