import type { CliContext } from '../cli-context.js';
import { providerMessage } from '../../ingest/provider-message.js';
import type { LabelledEvent } from './demo-population.js';
import type { DemoReport } from './demo-report.js';

const BATCH = 8;

/**
 * Signs each event with its source's key, exactly as a provider would (`recontact produce` does
 * the same), and sends it to the identity-update topic, showing progress.
 */
export async function streamEvents(ctx: CliContext, events: LabelledEvent[], report: DemoReport): Promise<void> {
  const bySource = new Map<string, number>();
  for (const { label, event } of events) {
    bySource.set(event.sourceId, (bySource.get(event.sourceId) ?? 0) + 1);
    if (!label.startsWith('background')) report.line(`${event.sourceId.padEnd(14)} ${label}`);
  }
  report.line(`+ ${events.filter((e) => e.label.startsWith('background')).length} background records of people no case is about`);
  const messages = events.map(({ event }) => {
    const key = ctx.registry.keyFor(event.sourceId);
    if (key === undefined) throw new Error(`source ${event.sourceId} has no usable signing key in the source registry`);
    return providerMessage(event, key);
  });
  for (let i = 0; i < messages.length; i += BATCH) {
    await ctx.bus.send(ctx.topics.identityUpdates, messages.slice(i, i + BATCH));
    report.line(`streamed ${Math.min(i + BATCH, messages.length)}/${messages.length} signed events to ${ctx.topics.identityUpdates}`);
  }
  report.line(`by source: ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}`);
}
