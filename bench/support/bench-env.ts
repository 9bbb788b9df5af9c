import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../src/config.js';
import { withLocalInfra } from '../../src/local-config.js';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import type { SourceRegistry } from '../../src/ingest/source-registry.js';
import { projectRoot } from '../../src/platform/project-root.js';

export interface BenchEnv {
  config: Config;
  registry: SourceRegistry;
}

/** The same servers and registry `npm start` would use: local ones when nothing external is set. */
export async function benchEnv(config: Config): Promise<BenchEnv> {
  const effective = config.useLocalInfra ? await withLocalInfra(config, (line) => console.error(`[infra] ${line}`)) : config;
  return { config: effective, registry: loadSourceRegistry(effective.ingest.registryFile!, effective.secrets) };
}

export function writeResult(name: string, result: object): string {
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/** A `--flag` value that must be a whole number of at least 1; the error shows `example`. */
export function positiveWholeNumber(flag: string, raw: string, example: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be a positive whole number (example: --${flag} ${example})`);
  return n;
}

/** Peak resident set size of a process, from the kernel's high-water mark. */
export function peakRssMiB(status: string): number {
  const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kib === undefined ? NaN : Math.round(Number(kib) / 1024);
}
