import { mkdir } from 'node:fs/promises';

import type { LocalInfraSettings } from '../src/config.js';
import { assertDiskRoom } from './disk.js';
import { LocalInfraError } from './errors.js';
import { kafkaBroker, kafkaServer } from './kafka-server.js';
import type { ManagedServer, ServerName } from './managed-server.js';
import { assertListensAsConfigured, startServer, waitUntilReady } from './managed-server.js';
import { NEO4J_USER, ensurePassword, neo4jServer, neo4jUri, readPassword } from './neo4j-server.js';
import type { InfraPaths } from './paths.js';
import { infraPaths } from './paths.js';
import { assertPortsFree } from './ports.js';
import {
  looksLikeOurs,
  readPidFile,
  removeFile,
  runningPid,
  terminate,
  withLock,
} from './processes.js';
import { ensureMavenLibs, requireJava } from './toolchain.js';

/**
 * Real Apache Kafka and Neo4j servers for development and tests, run from Maven-fetched jars on
 * this machine's JDK: no Docker, no downloads outside Maven Central. They run detached and keep
 * running after the command that started them exits; their data, logs and pid files live in the
 * state dir (settings.dir, `.infra` by default).
 */

export { LocalInfraError } from './errors.js';
export type { ServerName } from './managed-server.js';

export interface LocalEndpoints {
  kafkaBrokers: string[];
  neo4jUri: string;
  neo4jUser: string;
  neo4jPassword: string;
}

export interface ServerStatus {
  name: ServerName;
  running: boolean;
  pid?: number;
  listening: string;
  ready: boolean;
}

const ALL: ServerName[] = ['kafka', 'neo4j'];

/** A first Maven download can take minutes; a concurrent caller waits for it rather than failing. */
const MAVEN_ALLOWANCE_MS = 15 * 60_000;

/**
 * Makes sure the servers run and answer, starting those that do not. Idempotent: a server already
 * running from this state dir is left alone. Servers are started in parallel; returns the
 * endpoints and which servers this call started.
 */
export async function ensureLocalInfra(
  settings: LocalInfraSettings,
  log: (line: string) => void = () => undefined,
  only?: ServerName[],
): Promise<{ endpoints: LocalEndpoints; started: ServerName[] }> {
  const paths = infraPaths(settings);
  await mkdir(paths.state, { recursive: true });
  return withLock(paths.lock, settings.startTimeoutMs + MAVEN_ALLOWANCE_MS, async () => {
    // Created even when only Kafka is wanted, so the returned endpoints are always complete.
    await ensurePassword(paths.neo4j.password);

    const waits: Promise<unknown>[] = [];
    const toStart: ManagedServer[] = [];
    for (const server of selectServers(paths, settings, only ?? ALL)) {
      const pid = await runningPid(server.pidFile, server.markers);
      if (pid === undefined) {
        await removeFile(server.pidFile); // stale: process gone, or the pid now belongs to someone else
        toStart.push(server);
      } else {
        log(`${server.title}: already running (pid ${pid})`);
        await assertListensAsConfigured(server, pid);
        waits.push(waitUntilReady(server, pid, settings.startTimeoutMs, { authIsFatal: true }));
      }
    }

    if (toStart.length > 0) {
      await requireJava(toStart.some((server) => server.name === 'neo4j'));
      await assertDiskRoom(paths.state);
      for (const server of toStart) await assertPortsFree(server.title, server.ports);
      // One after the other: concurrent Maven runs sharing ~/.m2 can corrupt downloads.
      for (const server of toStart) await ensureMavenLibs(server.mavenDir, server.mavenLabel, log);
      waits.push(
        ...toStart.map((server) => startServer(server, settings.startTimeoutMs, paths.root, log)),
      );
    }

    await allOrCombinedError(waits);
    return { endpoints: localEndpoints(settings), started: toStart.map((server) => server.name) };
  });
}

/**
 * Stops the servers this state dir's pid files point at (SIGTERM, then SIGKILL after 30 s), and
 * nothing else: a pid whose command line does not look like ours is only dropped from its pid file.
 * Returns the servers it stopped.
 */
export async function stopLocalInfra(
  settings: LocalInfraSettings,
  which: ServerName[] = ALL,
  log: (line: string) => void = () => undefined,
): Promise<ServerName[]> {
  const paths = infraPaths(settings);
  await mkdir(paths.state, { recursive: true });
  return withLock(paths.lock, settings.startTimeoutMs + MAVEN_ALLOWANCE_MS, async () => {
    const stopped = await Promise.all(
      selectServers(paths, settings, which).map((server) => stopOne(server, log)),
    );
    return stopped.filter((name): name is ServerName => name !== undefined);
  });
}

async function stopOne(
  server: ManagedServer,
  log: (line: string) => void,
): Promise<ServerName | undefined> {
  const pid = await readPidFile(server.pidFile);
  if (pid === undefined || !looksLikeOurs(pid, server.markers)) {
    await removeFile(server.pidFile);
    log(`${server.title}: not running${pid === undefined ? '' : ' (removed a stale pid file)'}`);
    return undefined;
  }
  log(`${server.title}: stopping (pid ${pid})`);
  const outcome = await terminate(pid, server.markers, 30_000);
  await removeFile(server.pidFile);
  log(
    outcome === 'killed'
      ? `${server.title}: did not stop within 30 s and was killed`
      : `${server.title}: stopped`,
  );
  return outcome === 'gone' ? undefined : server.name;
}

/** One entry per server: whether our process runs, and whether it answers right now. */
export async function localInfraStatus(settings: LocalInfraSettings): Promise<ServerStatus[]> {
  const paths = infraPaths(settings);
  return Promise.all(
    selectServers(paths, settings, ALL).map(async (server): Promise<ServerStatus> => {
      const pid = await runningPid(server.pidFile, server.markers);
      if (pid === undefined)
        return { name: server.name, running: false, listening: server.listening, ready: false };
      const probe = await server.probe();
      return {
        name: server.name,
        running: true,
        pid,
        listening: server.listening,
        ready: probe.ready,
      };
    }),
  );
}

/** Where the local servers listen, with the stored Neo4j password (throws if none was generated yet). */
export function localEndpoints(settings: LocalInfraSettings): LocalEndpoints {
  const paths = infraPaths(settings);
  return {
    kafkaBrokers: [kafkaBroker(settings)],
    neo4jUri: neo4jUri(settings),
    neo4jUser: NEO4J_USER,
    neo4jPassword: readPassword(paths.neo4j.password),
  };
}

/** The file holding the generated Neo4j password (mode 0600), for telling people where to find it. */
export function neo4jPasswordFile(settings: LocalInfraSettings): string {
  return infraPaths(settings).neo4j.password;
}

function selectServers(
  paths: InfraPaths,
  settings: LocalInfraSettings,
  names: ServerName[],
): ManagedServer[] {
  const all = [kafkaServer(paths, settings), neo4jServer(paths, settings)];
  return all.filter((server) => names.includes(server.name));
}

/** Lets every start run to completion (a failing Kafka must not abandon a half-started Neo4j). */
async function allOrCombinedError(tasks: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const errors = results.flatMap((result) =>
    result.status === 'rejected' ? [result.reason as unknown] : [],
  );
  if (errors.length === 0) return;
  if (errors.length === 1) throw errors[0];
  const messages = errors.map((error) => (error instanceof Error ? error.message : String(error)));
  throw new LocalInfraError(messages.join('\n\n'), { cause: errors[0] });
}
