import { readFileSync } from 'node:fs';
import { parseSourceRegistryText } from '../../contracts/source-registry.js';
import type { Config } from '../config.js';
import { ensureDevSecrets } from '../ingest/dev-secrets.js';
import { recordOfProcessing } from '../privacy/record-of-processing.js';
import { parseCommandArgs } from './args.js';
import { CliError } from './cli-error.js';
import { writeStdout } from './write-stdout.js';

export const ropaUsage = 'recontact ropa';

/**
 * Prints the record of processing activities as Markdown, from the configured source registry.
 * Reads the registry file only: no signing key or server is needed to document the processing.
 */
export async function ropaCommand(config: Config, args: string[]): Promise<void> {
  const { positionals } = parseCommandArgs('ropa', args, {});
  if (positionals.length > 0) throw new CliError(`usage: ${ropaUsage}`);
  const file = config.ingest.registryFile ?? (config.useLocalInfra ? ensureDevSecrets(config.localInfra.dir).registryFile : undefined);
  if (file === undefined) throw new CliError('recontact ropa: SOURCE_REGISTRY_FILE must be set (example: SOURCE_REGISTRY_FILE=/etc/recontact/sources.json)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`recontact ropa: cannot read the source registry ${file}`);
  }
  await writeStdout(recordOfProcessing(parseSourceRegistryText(text, file).sources, new Date()));
}
