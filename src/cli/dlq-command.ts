import type { Config } from '../config.js';
import type { InboundMessage } from '../platform/event-bus.js';
import { parseCommandArgs, requiredOption } from './args.js';
import { cliContext } from './cli-context.js';

export const dlqUsage = 'recontact dlq --source <sourceId> [--limit N] [--json]';

export interface DeadLetterSummary {
  rejectedAt: string;
  reason: string;
  detail: string;
  problems: unknown;
  eventId: string | null;
  sourceRecordId: string | null;
  originalPartition: string;
  originalOffset: string;
}

/** Shows one source its own rejections: reasons and paths, the provider's own ids, no values. */
export async function dlqCommand(config: Config, args: string[]): Promise<void> {
  const { values } = parseCommandArgs('dlq', args, {
    source: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const sourceId = requiredOption('dlq', 'source', values.source, 'demo-telco');
  const limit = Number(values.limit ?? 100);
  const ctx = cliContext(config);
  const letters: DeadLetterSummary[] = [];
  try {
    await ctx.bus.scan(
      ctx.topics.identityUpdatesDlq,
      (m) => {
        if (text(m, 'dlq-source-id') === sourceId) letters.push(summarize(m));
      },
      60_000,
    );
  } finally {
    await ctx.bus.close();
  }
  const shown = letters.slice(-limit);
  if (values.json) {
    for (const l of shown) console.log(JSON.stringify(l));
    return;
  }
  console.log(`${letters.length} dead letter(s) for source ${sourceId}${letters.length > shown.length ? `, newest ${shown.length} shown` : ''}`);
  for (const l of shown) {
    console.log(`${l.rejectedAt}  ${l.reason.padEnd(19)} event ${l.eventId ?? '?'} record ${l.sourceRecordId ?? '?'}\n    ${l.detail}`);
  }
}

function text(m: InboundMessage, name: string): string | undefined {
  return m.headers[name]?.toString();
}

function summarize(m: InboundMessage): DeadLetterSummary {
  return {
    rejectedAt: text(m, 'dlq-rejected-at') ?? '',
    reason: text(m, 'dlq-reason') ?? '',
    detail: text(m, 'dlq-detail') ?? '',
    problems: safeJson(text(m, 'dlq-problems')),
    ...providerIds(m.value),
    originalPartition: text(m, 'dlq-original-partition') ?? '',
    originalOffset: text(m, 'dlq-original-offset') ?? '',
  };
}

/** Only the provider's own identifiers are echoed back from the rejected bytes. */
function providerIds(value: Buffer | null): { eventId: string | null; sourceRecordId: string | null } {
  const body = safeJson(value?.toString('utf8'));
  const field = (name: string) => {
    const v = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
    return typeof v === 'string' ? v.slice(0, 200) : null;
  };
  return { eventId: field('eventId'), sourceRecordId: field('sourceRecordId') };
}

function safeJson(raw: string | undefined): unknown {
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
