import type { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { newer } from './chaos-stream.js';

/**
 * Samples every record's version while faults are injected and counts each time a record went back
 * to an older version: the final state alone would hide an overwrite that a later event repaired.
 */
export class OverwriteWatch {
  regressions = 0;
  samples = 0;
  readonly examples: string[] = [];
  private readonly last = new Map<string, { observedAtMs: number; eventId: string }>();
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly graph: Neo4jGraph,
    private readonly keys: string[],
    private readonly intervalMs = 1_000,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.sample(); // one last look at the final state
  }

  private async run(): Promise<void> {
    while (this.running) {
      // A server stopped by a fault makes a sample fail; the next one is taken when it is back.
      await this.sample().catch(() => undefined);
      await new Promise((r) => setTimeout(r, this.intervalMs));
    }
  }

  private async sample(): Promise<void> {
    for (let i = 0; i < this.keys.length; i += 10_000) {
      const result = await this.graph.run(
        `MATCH (r:Record) WHERE r.key IN $keys RETURN r.key AS key, r.observedAtMs AS observedAtMs, r.eventId AS eventId`,
        { keys: this.keys.slice(i, i + 10_000) },
      );
      for (const row of result.records) {
        const key = row.get('key') as string;
        const now = { observedAtMs: row.get('observedAtMs') as number, eventId: row.get('eventId') as string };
        const before = this.last.get(key);
        if (before !== undefined && newer(before, now)) {
          this.regressions++;
          if (this.examples.length < 5) this.examples.push(`${key}: ${before.eventId} replaced by older ${now.eventId}`);
        }
        this.last.set(key, now);
      }
    }
    this.samples++;
  }
}
