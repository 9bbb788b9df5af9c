import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Config } from '../config.js';
import { decodeIdentityUpdate } from '../ingest/decode-event.js';
import { createEventProjector } from '../ingest/project-event.js';
import { providerMessage } from '../ingest/provider-message.js';
import type { Rejection } from '../ingest/rejection.js';
import type { SourceRegistry } from '../ingest/source-registry.js';
import { sendInSlices, type OutboundMessage } from '../platform/event-bus.js';
import { parseCommandArgs, requiredOption } from './args.js';
import { cliContext } from './cli-context.js';
import { CliError } from './cli-error.js';

const SEND_BATCH = 500;

export const produceUsage = 'recontact produce --source <sourceId> [--dry-run] <events.jsonl>';

/**
 * Provider tooling: every line is checked exactly as the consumer will check it (signature,
 * schema, clock, permissions, impossible values). Nothing is sent unless every line passes.
 */
export async function produceCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('produce', args, {
    source: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  const sourceId = requiredOption('produce', 'source', values.source, 'demo-telco');
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new CliError(`usage: ${produceUsage}`);

  const ctx = cliContext(config);
  const key = signingKey(ctx.registry, sourceId);
  const project = createEventProjector({ fingerprintKey: ctx.identifierKey, clock: () => new Date() });
  const messages: OutboundMessage[] = [];
  const errors: string[] = [];
  let lineNo = 0;
  for await (const line of createInterface({ input: openFile(file), crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    const checked = checkLine(line, lineNo, sourceId, key, ctx.registry, project);
    if (typeof checked === 'string' || Array.isArray(checked)) errors.push(...[checked].flat());
    else messages.push(checked);
  }
  if (errors.length > 0) {
    throw new CliError(`${file}: ${errors.length} problem(s); nothing was sent\n  ${errors.slice(0, 50).join('\n  ')}`, 1);
  }
  if (values['dry-run']) {
    console.log(`${file}: ${messages.length} events are valid for source ${sourceId} (dry run: nothing sent)`);
    return;
  }
  try {
    await sendInSlices(ctx.bus, ctx.topics.identityUpdates, messages, SEND_BATCH);
  } finally {
    await ctx.bus.close();
  }
  console.log(`sent ${messages.length} events from ${file} to ${ctx.topics.identityUpdates} as ${sourceId}`);
}

function signingKey(registry: SourceRegistry, sourceId: string): Buffer {
  const source = registry.get(sourceId);
  if (!source) {
    const known = registry.all().map((s) => s.id).join(', ');
    throw new CliError(`recontact produce: --source ${sourceId} is not in the source registry (registered: ${known})`);
  }
  const key = registry.keyFor(sourceId);
  if (!key) throw new CliError(`recontact produce: source ${sourceId} is ${source.status}; its events would be dead-lettered`);
  return key;
}

function checkLine(
  line: string,
  lineNo: number,
  sourceId: string,
  key: Buffer,
  registry: SourceRegistry,
  project: ReturnType<typeof createEventProjector>,
): OutboundMessage | string | string[] {
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    return `line ${lineNo}: not valid JSON`;
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return `line ${lineNo}: must be a JSON object`;
  const { sourceId: claimed, sourceRecordId } = event as Record<string, unknown>;
  if (claimed !== sourceId) return `line ${lineNo}: sourceId: must be ${sourceId} (the --source the events are signed as)`;
  if (typeof sourceRecordId !== 'string') return `line ${lineNo}: sourceRecordId: required string`;
  const message = providerMessage({ ...event, sourceId, sourceRecordId }, key);
  const decoded = decodeIdentityUpdate({ ...message, key: Buffer.from(message.key) }, registry, new Date());
  if (!decoded.ok) return describe(lineNo, decoded.rejection);
  const projected = project(decoded.event, decoded.source);
  return projected.ok ? message : describe(lineNo, projected.rejection);
}

function describe(lineNo: number, rejection: Rejection): string[] {
  if (!rejection.problems?.length) return [`line ${lineNo}: ${rejection.reason}: ${rejection.detail}`];
  return rejection.problems.map((p) => `line ${lineNo}: ${p.path}: ${p.message}`);
}

function openFile(file: string) {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new CliError(`recontact produce: cannot read ${file}: no such file`);
  }
  return createReadStream(file, 'utf8');
}
