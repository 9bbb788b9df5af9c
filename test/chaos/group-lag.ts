import { Kafka, logLevel, type Admin } from 'kafkajs';

export interface GroupProgress {
  /** Messages on the topic that the group has not committed yet. */
  lag: number;
  committed: number;
  members: number;
}

/** The ingest consumer group as the broker sees it: committed offsets against the topic's end. */
export class GroupLag {
  private readonly admin: Admin;
  private connected = false;

  constructor(
    brokers: string[],
    private readonly groupId: string,
    private readonly topic: string,
  ) {
    this.admin = new Kafka({ clientId: 'chaos-lag-probe', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  }

  async progress(): Promise<GroupProgress> {
    if (!this.connected) {
      await this.admin.connect();
      this.connected = true;
    }
    const [ends, [group], described] = await Promise.all([
      this.admin.fetchTopicOffsets(this.topic),
      this.admin.fetchOffsets({ groupId: this.groupId, topics: [this.topic] }),
      this.admin.describeGroups([this.groupId]),
    ]);
    let lag = 0;
    let committed = 0;
    for (const end of ends) {
      const offset = Number(group?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
      const done = offset < 0 ? Number(end.low) : offset;
      lag += Number(end.high) - done;
      committed += done - Number(end.low);
    }
    return { lag, committed, members: described.groups[0]?.members.length ?? 0 };
  }

  /** Polls until `accept`; a broker that is down for a fault counts as "not yet". */
  async until(accept: (p: GroupProgress) => boolean, timeoutMs: number, intervalMs = 100): Promise<GroupProgress> {
    const deadline = Date.now() + timeoutMs;
    let last: GroupProgress | undefined;
    for (;;) {
      last = await this.progress().catch(async () => {
        // A broker restart can leave the admin client's connections dead: reconnect on the next try.
        await this.close().catch(() => undefined);
        return last;
      });
      if (last !== undefined && accept(last)) return last;
      if (Date.now() > deadline) throw new Error(`consumer group ${this.groupId}: timed out; last progress ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  async close(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
    this.connected = false;
  }
}
