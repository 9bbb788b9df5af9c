import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLocalInfra } from '../../infra/local-infra.js';
import type { Config } from '../../src/config.js';
import { ensureDevSecrets } from '../../src/ingest/dev-secrets.js';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import type { SourceRegistry } from '../../src/ingest/source-registry.js';
import { projectRoot } from '../../src/platform/project-root.js';

export interface BenchEnv {
  config: Config;
  registry: SourceRegistry;
}

/** The same servers and registry `npm start` would use: local ones when nothing external is set. */
export async function benchEnv(config: Config): Promise<BenchEnv> {
  if (!config.useLocalInfra) {
    return { config, registry: loadSourceRegistry(config.ingest.registryFile!, config.secrets) };
  }
  const { endpoints } = await ensureLocalInfra(config.localInfra, (line) => console.error(`[infra] ${line}`));
  const dev = ensureDevSecrets(config.localInfra.dir);
  const local: Config = {
    ...config,
    kafka: { ...config.kafka, brokers: endpoints.kafkaBrokers },
    neo4j: { ...config.neo4j, uri: endpoints.neo4jUri, user: endpoints.neo4jUser, password: endpoints.neo4jPassword },
    ingest: { ...config.ingest, registryFile: dev.registryFile, identifierKey: dev.identifierKey },
    secrets: { ...dev.env, ...config.secrets },
  };
  return { config: local, registry: loadSourceRegistry(dev.registryFile, local.secrets) };
}

export function writeResult(name: string, result: object): string {
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/** Peak resident set size of a process, from the kernel's high-water mark. */
export function peakRssMiB(status: string): number {
  const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kib === undefined ? NaN : Math.round(Number(kib) / 1024);
}
