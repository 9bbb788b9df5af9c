import { strict as assert } from 'node:assert';
import { campaignScale } from './campaign-scale.js';
import { chaosStream, segments } from './chaos-stream.js';
import { IngestCampaign } from './ingest-campaign.js';

const scale = campaignScale();

describe('fault campaign: the service process is SIGKILLed mid-stream (real Kafka and Neo4j)', function () {
  this.timeout(scale.full ? 3_600_000 : 300_000);
  let campaign: IngestCampaign | undefined;
  afterEach(async () => {
    await campaign?.tearDown();
    campaign = undefined;
  });

  it(`when the service is killed ${scale.kills} times at random points of a ${scale.killEvents.toLocaleString('en')}-event stream and restarted each time, then the graph equals the reference state: nothing lost, duplicated or overwritten out of order`, async () => {
    const stream = chaosStream(scale.killEvents, scale.versions);
    campaign = new IngestCampaign(3, scale);
    await campaign.setUp(stream);
    let service = await campaign.start();
    for (const [i, segment] of segments(stream.messages, scale.kills).entries()) {
      await campaign.produce(segment);
      // Somewhere between a fifth and seven tenths of this slice applied, then a random moment more.
      await campaign.appliedPast(service, Math.floor(segment.length * (0.2 + Math.random() * 0.5)));
      const fault = await campaign.lag.progress();
      const struck = Date.now();
      await campaign.kill(service);
      const atBack = await campaign.lag.progress();
      const back = Date.now();
      service = await campaign.start();
      const figures = await campaign.recovery(`service SIGKILL ${i + 1}/${scale.kills}`, { struck, fault, back, atBack, catcher: service });
      assert.ok(figures.lagAtFault > 0, 'the kill landed while events were still waiting');
    }

    await campaign.assertReferenceState(stream);
    service.child.kill('SIGTERM');
    assert.equal(await service.exited, 0, 'the last replica stops cleanly');
  });
});
