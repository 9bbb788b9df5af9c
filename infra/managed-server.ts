import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { LocalInfraError, collapseStackFrames, indentBlock } from './errors.js';
import type { Spawned } from './processes.js';
import {
  removeFile,
  rotateLog,
  spawnDetached,
  tailFile,
  terminate,
  writePidFile,
} from './processes.js';

export type ServerName = 'kafka' | 'neo4j';

export type Probe = { ready: true } | { ready: false; reason: string; authFailed?: boolean };

/** What the generic start/stop/status logic needs to know about one server. */
export interface ManagedServer {
  name: ServerName;
  /** For messages: "Kafka", "Neo4j". */
  title: string;
  /** How clients reach it, for status lines. */
  listening: string;
  ports: number[];
  home: string;
  pidFile: string;
  logFile: string;
  /** Substrings that must all appear in the process's command line for it to count as ours. */
  markers: string[];
  /** Where to look beyond logFile when start-up fails, if anywhere. */
  moreLogs?: string;
  /** Folder with the pom.xml whose dependencies form the classpath. */
  mavenDir: string;
  mavenLabel: string;
  /** Writes configuration, formats storage: everything that must happen before the JVM starts. */
  prepare(log: (line: string) => void): Promise<void>;
  command(): { args: string[]; env?: NodeJS.ProcessEnv };
  /** One quick readiness check; must not throw. */
  probe(): Promise<Probe>;
}

/** Starts the server in the background and returns once it answers; stops it again if it never does. */
export async function startServer(
  server: ManagedServer,
  timeoutMs: number,
  cwd: string,
  log: (line: string) => void,
): Promise<number> {
  await mkdir(server.home, { recursive: true });
  await rotateLog(server.logFile);
  await server.prepare(log);
  const { args, env } = server.command();
  await appendFile(
    server.logFile,
    `\n===== ${new Date().toISOString()} starting: java ${args.join(' ')}\n`,
  );
  const started = Date.now();
  const child = spawnDetached('java', args, { logFile: server.logFile, cwd, env });
  await writePidFile(server.pidFile, child.pid);
  await writeFile(listeningFile(server), `${server.listening}\n`);
  log(`${server.title}: starting (pid ${child.pid}, log ${server.logFile})`);
  try {
    await waitUntilReady(server, child.pid, timeoutMs, { child, authIsFatal: false });
  } catch (error) {
    await terminate(child.pid, server.markers, 15_000).catch(() => 'gone');
    await removeFile(server.pidFile);
    throw error;
  }
  log(
    `${server.title}: ready on ${server.listening} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return child.pid;
}

/** Where a started server's address is kept, for as long as it runs from this state dir. */
function listeningFile(server: ManagedServer): string {
  return path.join(server.home, 'listening');
}

/**
 * A server already running from this state dir keeps the ports it was started with. Settings that
 * name other ports would point clients, and the readiness probe, at whatever listens there: perhaps
 * another set of local servers, which a test could then take for its own.
 */
export async function assertListensAsConfigured(server: ManagedServer, pid: number): Promise<void> {
  const startedOn = await readFile(listeningFile(server), 'utf8').then(
    (s) => s.trim(),
    () => undefined, // started before addresses were recorded: nothing to compare
  );
  if (startedOn === undefined || startedOn === server.listening) return;
  throw new LocalInfraError(
    `the local ${server.title} in ${server.home} (pid ${pid}) listens on ${startedOn}, but the settings ` +
      `say ${server.listening}. Use the ports it was started with, or stop it first (npm run infra:down ` +
      'with the same INFRA_DIR) and start it on the new ones',
  );
}

/**
 * Polls the server until it answers. A process we did not just start (found running via its pid
 * file) that rejects our credentials will not start accepting them by waiting, so that fails at
 * once; a fresh start may briefly reject them while the password is still being applied.
 */
export async function waitUntilReady(
  server: ManagedServer,
  pid: number,
  timeoutMs: number,
  options: { child?: Spawned; authIsFatal: boolean },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = await server.probe();
    if (probe.ready) return;
    const last = probe.reason;
    if (options.authIsFatal && probe.authFailed) {
      throw new LocalInfraError(
        `the local ${server.title} (pid ${pid}) is running but rejects the stored credentials (${last}); ` +
          'restart it with `npm run infra:down && npm run infra:up` so it picks up the current password',
      );
    }
    const exit = options.child?.exit;
    if (exit) {
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      throw await withLogTail(server, `the local ${server.title} ${how} during start-up`);
    }
    if (Date.now() >= deadline) {
      const action = options.child ? 'it has been stopped' : 'it was left running';
      throw await withLogTail(
        server,
        `the local ${server.title} did not become ready within ${Math.round(timeoutMs / 1000)} s ` +
          `(last check: ${last}); ${action}. Raise INFRA_START_TIMEOUT_MS if this machine is just slow`,
      );
    }
    await sleep(500);
  }
}

async function withLogTail(server: ManagedServer, summary: string): Promise<LocalInfraError> {
  const tail = collapseStackFrames(await tailFile(server.logFile, 2_000)).slice(-30);
  const more = server.moreLogs ? `\nMore detail in ${server.moreLogs}` : '';
  return new LocalInfraError(
    summary + indentBlock(`Last lines of ${server.logFile}:`, tail) + more,
  );
}
