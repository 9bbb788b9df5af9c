import { randomInt } from 'node:crypto';
import type { Role } from '../../src/actor.js';
import type { Config } from '../../src/config.js';
import { startService, type RunningService } from '../../src/compose.js';
import { KafkajsEventBus } from '../../src/platform/kafkajs-event-bus.js';
import { topicNames } from '../../src/topics.js';
import { cnResidentId, registryEvent, telcoRecordEvent, uniqueHanName, uniqueMobile } from '../resolve/resolution-fixtures.js';
import { api, type ApiResponse } from '../support/api-client.js';
import { scannedLogger } from '../support/leak-scan.js';
import { assertConforms } from '../support/conformance.js';
import { API_ROUTES } from '../../contracts/api/routes.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';
import { signed } from '../support/test-sources.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/wait.js';

/** A fresh block of CN mobile numbers for one test's relay pool, so pools of parallel runs never meet. */
export function uniquePool(size: number): { spec: string; numbers: string[] } {
  if (size > 1000) throw new Error('a test pool holds at most 1000 numbers');
  const prefix = `+86170${String(randomInt(1_000_000)).padStart(6, '0')}`;
  const numbers = Array.from({ length: size }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  return { spec: `${numbers[0]}-${numbers[numbers.length - 1]}`, numbers };
}

export interface Debtor {
  name: string;
  nationalId: string;
  birthDate: string;
  phone: string;
  thirdParty: string;
  telcoRecordId: string;
  creditorRecordId: string;
}

/**
 * The whole service on the real servers, on its own topics, pool and audit chain, with a clock the
 * test moves. Debtors are created the way production learns of them: signed events through Kafka.
 */
export class RelayFixture {
  now = new Date('2026-06-10T02:00:00Z'); // 10:00 in Shanghai
  readonly pool: { spec: string; numbers: string[] };
  service!: RunningService;
  private bus!: KafkajsEventBus;
  config!: Config;

  constructor(
    poolSize = 20,
    private readonly env: NodeJS.ProcessEnv = {},
  ) {
    this.pool = uniquePool(poolSize);
  }

  /** Config is read when the test runs, after the global fixture has set the servers' addresses. */
  async start(): Promise<void> {
    this.config = testConfig({
      KAFKA_TOPIC_PREFIX: `${uniqueName('relay')}.`,
      KAFKA_TOPIC_PARTITIONS: '2',
      INGEST_GROUP_ID: uniqueName('relay-ingest'),
      RELAY_POOL: this.pool.spec,
      RELAY_POOL_NAME: uniqueName('pool'),
      AUDIT_CHAIN: uniqueName('chain'),
      RELAY_SWEEP_INTERVAL_MS: '3600000',
      ...this.env,
    });
    this.service = await startService(this.config, scannedLogger(), { clock: () => this.now });
    this.bus = new KafkajsEventBus(this.config.kafka, testLogger());
  }

  async stop(): Promise<void> {
    await this.bus?.close();
    await this.service?.stop();
  }

  get url(): string {
    return this.service.url;
  }

  /** Every response of a published operation is checked against the OpenAPI contract on the way. */
  async call<T = Record<string, unknown>>(method: string, path: string, as: { role: Role; creditor?: string } | string | undefined, body?: unknown): Promise<ApiResponse<T>> {
    const token = typeof as === 'object' ? tokenFor(as.role, as.creditor) : as;
    const res = await api<T>(this.url, method, path, token, body);
    const operation = operationOf(method, path);
    if (operation !== undefined) assertConforms(operation, res);
    return res;
  }

  /** A person known to a telecom operator (a fresh number, a frequent contact) and a registry. */
  async debtor(o: { phone?: string; lastSeenAt?: string } = {}): Promise<Debtor> {
    const seen = o.lastSeenAt ?? new Date(this.now.getTime() - 24 * 3600 * 1000).toISOString();
    const d = {
      name: uniqueHanName(),
      birthDate: '1988-03-14',
      nationalId: cnResidentId('19880314'),
      phone: o.phone ?? uniqueMobile(),
      thirdParty: uniqueMobile(),
      telcoRecordId: uniqueName('SUB'),
      creditorRecordId: uniqueName('LOAN'),
    };
    const registry = registryEvent({ name: d.name, birthDate: d.birthDate, nationalId: d.nationalId, observedAt: seen });
    const telco = telcoRecordEvent({
      name: d.name,
      recordId: d.telcoRecordId,
      observedAt: seen,
      phones: [{ number: d.phone, status: 'active', lastSeenAt: seen }],
      thirdParty: d.thirdParty,
    });
    // The creditor's own record ties the two: the same id and name, and the number it once had.
    const creditor = {
      eventId: crypto.randomUUID(),
      sourceId: 'demo-creditor',
      sourceRecordId: d.creditorRecordId,
      observedAt: seen,
      op: 'upsert' as const,
      subject: {
        names: [{ full: d.name, script: 'Hans' }],
        birthDate: d.birthDate,
        nationalIds: [{ country: 'CN', type: 'CN_RIC', value: d.nationalId }],
        phones: [{ number: d.phone, status: 'active' as const, lastSeenAt: seen }],
      },
    };
    await this.produce([registry, telco, creditor]);
    await waitFor(
      'the debtor to resolve into one reachable person',
      () => this.service.graph.run(
        `MATCH (r:Record)-[:RESOLVES_TO]->(p:Person)-[:BEST_CONTACT]->(:Phone {e164: $phone})
         WHERE r.key IN $keys RETURN count(DISTINCT r) AS records`,
        { phone: d.phone, keys: [registry, telco, creditor].map((e) => `${e.sourceId}:${e.sourceRecordId}`) },
      ),
      (r) => r.records[0]?.get('records') === 3,
      30_000,
    );
    return d;
  }

  async produce(events: { sourceId: string; sourceRecordId: string }[]): Promise<void> {
    await this.bus.send(topicNames(this.config.kafka.topicPrefix).identityUpdates, events.map((e) => signed(e)));
  }

  async registerCase(creditor: string, caseId: string, d: Debtor) {
    return this.call('POST', '/v1/cases', { role: 'collector', creditor }, {
      caseId,
      debtor: {
        names: [{ full: d.name, script: 'Hans' }],
        birthDate: d.birthDate,
        nationalIds: [{ country: 'CN', type: 'CN_RIC', value: d.nationalId }],
      },
    });
  }

  async registerLine(creditor: string, number: string) {
    return this.call('POST', `/v1/creditors/${creditor}/lines`, { role: 'admin' }, { number });
  }

  route(relayNumber: string, from: string, callId = uniqueName('call')) {
    return this.call<{ action: string; to?: string; reason?: string; announcement?: string }>(
      'POST',
      '/v1/telephony/route',
      { role: 'telephony' },
      { relayNumber, from, callId },
    );
  }
}

/** The published operation a concrete request path belongs to, if any. */
function operationOf(method: string, path: string): string | undefined {
  const bare = path.split('?')[0]!;
  return API_ROUTES.find(
    (r) => r.method === method.toLowerCase() && new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(bare),
  )?.operationId;
}
