import type { Config } from '../config.js';
import { rebuildResolution } from '../resolve/rebuild.js';
import { Resolver } from '../resolve/resolver.js';
import { DEFAULT_RESOLVER_SETTINGS } from '../resolve/resolving-record-store.js';
import { parseCommandArgs } from './args.js';
import { cliContext } from './cli-context.js';
import { CliError } from './cli-error.js';
import { graphFor } from './graph-for.js';

export const rebuildUsage = 'recontact rebuild [--from-scratch] [--chunk N]';

/**
 * Re-resolves every stored record: after a rule change, or to check that streaming reached what a
 * full rebuild reaches. Person ids are kept where they can be, unless --from-scratch.
 */
export async function rebuildCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('rebuild', args, {
    'from-scratch': { type: 'boolean' },
    chunk: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliError(`usage: ${rebuildUsage}`);
  const chunkSize = Number(values.chunk ?? 500);
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 10_000) {
    throw new CliError('recontact rebuild: --chunk must be a whole number from 1 to 10000 (example: --chunk 500)');
  }
  const { registry } = cliContext(config);
  const graph = await graphFor(config);
  try {
    const started = Date.now();
    const { records } = await rebuildResolution(graph, new Resolver(DEFAULT_RESOLVER_SETTINGS), (id) => registry.get(id)?.trust ?? 0, {
      fromScratch: values['from-scratch'] ?? false,
      chunkSize,
      onProgress: (done, total) => process.stderr.write(`\r  ${done} / ${total} records re-resolved`),
    });
    process.stderr.write('\n');
    console.log(`rebuilt the resolution of ${records} records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await graph.close();
  }
}
