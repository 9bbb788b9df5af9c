import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

import { LocalInfraError } from './errors.js';

/** The arguments of a process, or undefined when it is gone or not ours to inspect. */
export function commandLine(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((arg) => arg.length > 0);
  } catch {
    return undefined;
  }
}

/** Alive means signalable and not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

/**
 * A pid file alone proves nothing: the pid may have been recycled by an unrelated process after a
 * reboot or crash. Ours means alive AND its command line carries every marker (the main class plus
 * a path inside this state dir, which also tells apart two checkouts of the project).
 */
export function looksLikeOurs(pid: number, markers: string[]): boolean {
  if (!isAlive(pid)) return false;
  const args = commandLine(pid);
  return args !== undefined && markers.every((marker) => args.some((arg) => arg.includes(marker)));
}

export async function readPidFile(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function writePidFile(file: string, pid: number): Promise<void> {
  await writeFile(file, `${pid}\n`);
}

export async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** The pid from the pid file when that process is alive and ours; undefined otherwise. */
export async function runningPid(pidFile: string, markers: string[]): Promise<number | undefined> {
  const pid = await readPidFile(pidFile);
  return pid !== undefined && looksLikeOurs(pid, markers) ? pid : undefined;
}

export interface Spawned {
  pid: number;
  /** Set once the process has exited, so waiting for readiness can stop early. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
}

/**
 * Starts a server that outlives this Node process: its own process group (a Ctrl-C in the terminal
 * that ran `infra:up` does not reach it), output appended to its log file, and no handle that
 * keeps our event loop alive.
 */
export function spawnDetached(
  command: string,
  args: string[],
  options: { logFile: string; cwd: string; env?: NodeJS.ProcessEnv },
): Spawned {
  const out = openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', out, out],
    });
    if (child.pid === undefined) {
      throw new LocalInfraError(`could not start ${command}; is it installed and on PATH?`);
    }
    const spawned: Spawned = { pid: child.pid, exit: undefined };
    child.on('exit', (code, signal) => {
      spawned.exit = { code, signal };
    });
    child.on('error', () => {
      spawned.exit = { code: null, signal: null };
    });
    child.unref();
    return spawned;
  } finally {
    closeSync(out);
  }
}

/**
 * SIGTERM first so the server can flush and close its store (Neo4j and Kafka both do this from a
 * shutdown hook), SIGKILL only if that does not finish in time. Refuses to signal a process whose
 * command line does not carry the markers, in case the pid was recycled meanwhile.
 */
export async function terminate(
  pid: number,
  markers: string[],
  graceMs = 30_000,
): Promise<'stopped' | 'killed' | 'gone'> {
  if (!looksLikeOurs(pid, markers)) return 'gone';
  process.kill(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return 'stopped';
  if (looksLikeOurs(pid, markers)) process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
  return 'killed';
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(200);
  }
  return !isAlive(pid);
}

/** The last lines of a log, for error messages; empty when there is no log yet. */
export async function tailFile(file: string, lines = 30): Promise<string[]> {
  try {
    const text = await readFile(file, 'utf8');
    const all = text.split('\n');
    if (all.at(-1) === '') all.pop();
    return all.slice(-lines);
  } catch {
    return [];
  }
}

/** Logs are appended across restarts; keep one previous generation so they stay bounded. */
export async function rotateLog(file: string, maxBytes = 20 * 1024 * 1024): Promise<void> {
  try {
    if ((await stat(file)).size > maxBytes) await rename(file, `${file}.1`);
  } catch {
    // No log yet: nothing to rotate.
  }
}

/**
 * A directory-based lock (mkdir is atomic) around starting and stopping, so the service, tests and
 * a manual `infra:up` running at the same moment do not start two brokers on the same data.
 * A lock left behind by a process that died is taken over.
 */
export async function withLock<T>(
  lockDir: string,
  timeoutMs: number,
  body: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readPidFile(`${lockDir}/pid`);
    if (holder === undefined || !isAlive(holder)) {
      // Either the holder died, or it is between mkdir and writing its pid: give it a moment.
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => Infinity,
      );
      if (holder !== undefined || age > 2_000) await rm(lockDir, { recursive: true, force: true });
    } else if (Date.now() > deadline) {
      throw new LocalInfraError(
        `another local-infra command (pid ${holder}) is still starting or stopping the servers; ` +
          `wait for it to finish, or remove ${lockDir} if that process is not a local-infra command`,
      );
    }
    await sleep(250);
  }
  try {
    await writePidFile(`${lockDir}/pid`, process.pid);
    return await body();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
