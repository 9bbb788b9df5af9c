import { strict as assert } from 'node:assert';
import { ensureLocalInfra, stopLocalInfra, type ServerName } from '../../infra/local-infra.js';
import { canRestartLocalInfra } from '../support/test-config.js';
import { campaignScale } from './campaign-scale.js';
import { chaosStream } from './chaos-stream.js';
import { IngestCampaign } from './ingest-campaign.js';

const scale = campaignScale();
const TITLES: Record<ServerName, string> = { kafka: 'the Kafka broker', neo4j: 'Neo4j' };

describe('fault campaign: a server is stopped and started mid-stream (real Kafka and Neo4j)', function () {
  this.timeout(scale.full ? 2_400_000 : 240_000);
  let campaign: IngestCampaign | undefined;
  afterEach(async () => {
    await campaign?.tearDown();
    campaign = undefined;
  });

  for (const server of ['kafka', 'neo4j'] as const) {
    it(`when ${TITLES[server]} is stopped for ${scale.outageMs / 1000} s mid-stream and started again, then the service rides it out and the graph equals the reference state`, async function () {
      if (!canRestartLocalInfra()) {
        console.log(`      [chaos] skipped: the servers are external (KAFKA_BROKERS / NEO4J_URI set), and a test must not stop servers it does not own; \`npm test\` without them starts its own and runs this fault`);
        this.skip();
      }
      const stream = chaosStream(scale.outageEvents, scale.versions);
      campaign = new IngestCampaign(3, scale);
      await campaign.setUp(stream);
      const service = await campaign.start();
      await campaign.produce(stream.messages);
      await campaign.appliedPast(service, Math.floor(stream.messages.length * (0.2 + Math.random() * 0.2)));
      const fault = await campaign.lag.progress();
      const struck = Date.now();
      await stopLocalInfra(campaign.config.localInfra, [server]);
      try {
        await new Promise((r) => setTimeout(r, scale.outageMs));
      } finally {
        await ensureLocalInfra(campaign.config.localInfra, undefined, [server]);
      }
      const back = Date.now();
      const atBack = await campaign.lag.until(() => true, 60_000);
      const figures = await campaign.recovery(`${server} stop/start`, { struck, fault, back, atBack, catcher: service });
      assert.ok(figures.lagAtFault > 0, 'the outage began while events were still waiting');
      assert.equal(service.child.exitCode, null, `the service survived the outage:\n${service.output()}`);

      await campaign.assertReferenceState(stream);
      service.child.kill('SIGTERM');
      assert.equal(await service.exited, 0, 'the service stops cleanly after the outage');
    });
  }
});
