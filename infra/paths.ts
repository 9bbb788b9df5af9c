import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { LocalInfraSettings } from '../src/config.js';

/** Every file the launchers read or write, as absolute paths. */
export interface InfraPaths {
  /** The folder holding package.json. */
  root: string;
  /** settings.dir, resolved against the project root. */
  state: string;
  /** Held while a start or stop is in progress, so two of them never race. */
  lock: string;
  kafka: {
    assets: string;
    lib: string;
    log4j: string;
    home: string;
    data: string;
    config: string;
    clusterId: string;
    log: string;
    pid: string;
  };
  neo4j: {
    assets: string;
    lib: string;
    launcher: string;
    home: string;
    log: string;
    pid: string;
    password: string;
  };
}

let cachedRoot: string | undefined;

/**
 * Found from this module's own location rather than process.cwd(), so the same state dir is used
 * no matter where a command is started from (npm scripts, tests, the service binary). Works both
 * from infra/*.ts and from the compiled dist/infra/*.js.
 */
export function projectRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

export function infraPaths(settings: Pick<LocalInfraSettings, 'dir'>): InfraPaths {
  const root = projectRoot();
  const state = path.resolve(root, settings.dir);
  const kafkaAssets = path.join(root, 'infra', 'kafka');
  const neo4jAssets = path.join(root, 'infra', 'neo4j');
  const kafkaHome = path.join(state, 'kafka');
  const neo4jHome = path.join(state, 'neo4j');
  return {
    root,
    state,
    lock: path.join(state, '.lock'),
    kafka: {
      assets: kafkaAssets,
      lib: path.join(kafkaAssets, 'lib'),
      log4j: path.join(kafkaAssets, 'log4j.properties'),
      home: kafkaHome,
      data: path.join(kafkaHome, 'data'),
      config: path.join(kafkaHome, 'server.properties'),
      clusterId: path.join(kafkaHome, 'cluster-id'),
      log: path.join(kafkaHome, 'kafka.log'),
      pid: path.join(kafkaHome, 'kafka.pid'),
    },
    neo4j: {
      assets: neo4jAssets,
      lib: path.join(neo4jAssets, 'lib'),
      launcher: path.join(neo4jAssets, 'Launcher.java'),
      home: neo4jHome,
      log: path.join(neo4jHome, 'neo4j.log'),
      pid: path.join(neo4jHome, 'neo4j.pid'),
      password: path.join(neo4jHome, 'password'),
    },
  };
}

/** For messages: relative to the project root when inside it, which is shorter and shareable. */
export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
