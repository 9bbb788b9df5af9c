import { readFileSync } from 'node:fs';
import { parseSourceRegistryText } from '../../contracts/source-registry.js';
import { SourceRegistry, type EnvLike } from './source-registry.js';

/** Reads and validates the registry file and resolves every active source's key; fails fast. */
export function loadSourceRegistry(file: string, env: EnvLike): SourceRegistry {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new Error(`SOURCE_REGISTRY_FILE: cannot read ${file} (${code})`, { cause: error });
  }
  return new SourceRegistry(parseSourceRegistryText(text, file), env);
}
