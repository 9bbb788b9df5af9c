import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';

/** node:util parseArgs, with its errors turned into a message naming the command and the option. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error);
    throw new CliError(`recontact ${command}: ${message}`);
  }
}

export function requiredOption(command: string, name: string, value: string | undefined, example: string): string {
  if (value === undefined || value === '') throw new CliError(`recontact ${command}: --${name} is required (example: --${name} ${example})`);
  return value;
}
