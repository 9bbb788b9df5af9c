import path from 'node:path';

import type { LocalInfraSettings } from '../src/config.js';
import { projectRoot } from '../src/platform/project-root.js';

export { projectRoot };

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
