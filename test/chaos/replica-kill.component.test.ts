import { strict as assert } from 'node:assert';
import { campaignScale } from './campaign-scale.js';
import { chaosStream } from './chaos-stream.js';
import { IngestCampaign } from './ingest-campaign.js';

const scale = campaignScale();

describe('fault campaign: one of two service replicas is SIGKILLed mid-stream (real Kafka and Neo4j)', function () {
  this.timeout(scale.full ? 3_600_000 : 240_000);
  let campaign: IngestCampaign | undefined;
  afterEach(async () => {
    await campaign?.tearDown();
    campaign = undefined;
  });

  it(`when one of two replicas sharing a ${scale.replicaEvents.toLocaleString('en')}-event stream is killed, then its partitions move to the survivor and the graph equals the reference state`, async () => {
    const stream = chaosStream(scale.replicaEvents, scale.versions);
    campaign = new IngestCampaign(4, scale);
    await campaign.setUp(stream);
    const replicas = [await campaign.start(), await campaign.start()];
    await campaign.lag.until((p) => p.members === 2, 90_000, 250);
    const [victim, survivor] = Math.random() < 0.5 ? [replicas[0]!, replicas[1]!] : [replicas[1]!, replicas[0]!];

    await campaign.produce(stream.messages);
    // The victim consumes about half of the partitions: kill it a fifth to two fifths into its share.
    await campaign.appliedPast(victim, Math.floor((stream.messages.length / 2) * (0.2 + Math.random() * 0.2)), 100);
    const fault = await campaign.lag.progress();
    const struck = Date.now();
    await campaign.kill(victim);
    const atBack = await campaign.lag.progress();
    const rebalance = campaign.lag.until((p) => p.members === 1, 120_000, 250).then(() => Date.now() - struck);
    const figures = await campaign.recovery('replica SIGKILL (1 of 2)', { struck, fault, back: struck, atBack, catcher: survivor });
    const rebalanceMs = await rebalance;
    console.log(`      [chaos] ${JSON.stringify({ rebalanceMs })}`);
    assert.ok(figures.lagAtFault > 0, 'the kill landed while events were still waiting');

    await campaign.assertReferenceState(stream);
    survivor.child.kill('SIGTERM');
    assert.equal(await survivor.exited, 0, 'the survivor stops cleanly');
  });
});
