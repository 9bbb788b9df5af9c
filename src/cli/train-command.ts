import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config.js';
import { DEFAULT_MODEL } from '../resolve/scoring/default-model.js';
import { trainModel } from '../resolve/scoring/train.js';
import { parseCommandArgs } from './args.js';
import { cliContext } from './cli-context.js';
import { CliError } from './cli-error.js';
import { graphFor } from './graph-for.js';
import { sampleTrainingPairs } from './sample-training-pairs.js';
import { levelCounts, renderTrainingSummary } from './training-summary.js';

export const trainUsage = 'recontact train [--pairs N] [--out model.json] [--seed S]';

/** Below this, EM has too few pairs per level to estimate anything worth reviewing. */
const MIN_PAIRS = 100;
const MAX_PAIRS = 1_000_000;
const MAX_SEED = 0xffff_ffff;

/**
 * Estimates m, u and the match rate from the graph's own candidate pairs (unsupervised EM, started
 * from the default model) and shows them next to the default. For review: the service keeps
 * scoring with the default model whatever this prints or writes.
 */
export async function trainCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('train', args, {
    pairs: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliError(`usage: ${trainUsage}`);
  const size = Number(values.pairs ?? 20_000);
  if (!Number.isInteger(size) || size < MIN_PAIRS || size > MAX_PAIRS) {
    throw new CliError(`recontact train: --pairs must be a whole number from ${MIN_PAIRS} to ${MAX_PAIRS} (example: --pairs 20000)`);
  }
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new CliError(`recontact train: --seed must be a whole number from 0 to ${MAX_SEED} (example: --seed 7)`);
  }
  const out = values.out;
  if (out !== undefined && !writableFile(out)) {
    throw new CliError('recontact train: --out must name a file in an existing directory (example: --out model.json)');
  }

  const { registry } = cliContext(config);
  const graph = await graphFor(config);
  const sampled = await sampleTrainingPairs(graph, (id) => registry.get(id)?.trust ?? 0, { size, seed }).finally(() => graph.close());
  if (sampled.pairs.length < MIN_PAIRS) {
    throw new CliError(`recontact train: not enough candidate pairs to train (found ${sampled.pairs.length}; need at least ${MIN_PAIRS})`, 1);
  }

  const result = trainModel(sampled.pairs, DEFAULT_MODEL);
  const summary = renderTrainingSummary({
    start: DEFAULT_MODEL,
    result,
    counts: levelCounts(sampled.pairs),
    sample: { pairs: sampled.pairs.length, complete: sampled.complete, blocks: sampled.blocks, seed },
  });
  if (out !== undefined) writeFileSync(out, `${JSON.stringify(result.model, null, 2)}\n`);
  console.log(
    [
      ...summary,
      '',
      `For review only, not applied: the service keeps scoring with the default model (${DEFAULT_MODEL.version}).`,
      ...(out === undefined
        ? []
        : [`Wrote the trained model (version ${result.model.version}, the default's thresholds: link ${DEFAULT_MODEL.linkThreshold}, review ${DEFAULT_MODEL.reviewThreshold}, cluster minimum ${DEFAULT_MODEL.clusterMinimum}) to ${out}.`]),
    ].join('\n'),
  );
}

/** Checked before the graph is read, so a typo does not cost a whole sampling run. */
function writableFile(path: string): boolean {
  if (existsSync(path)) return statSync(path).isFile();
  return existsSync(dirname(resolve(path))) && statSync(dirname(resolve(path))).isDirectory();
}
