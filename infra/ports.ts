import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

import { LocalInfraError } from './errors.js';
import { commandLine } from './processes.js';

/**
 * Whether we could listen on 127.0.0.1:port right now. Binding is the only test that agrees with
 * what the server will see (a wildcard listener on 0.0.0.0 or :: blocks it too).
 */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** Throws a LocalInfraError naming the port and its holder for the first port that is taken. */
export async function assertPortsFree(server: string, ports: number[]): Promise<void> {
  for (const port of ports) {
    if (await canListen(port)) continue;
    throw new LocalInfraError(
      `cannot start the local ${server}: port ${port} on 127.0.0.1 is already in use by ${describeHolder(port)}. ` +
        'Stop that process, or set both KAFKA_BROKERS and NEO4J_URI to use servers you run yourself',
    );
  }
}

/**
 * Who listens on a TCP port, in words: "pid 123 (java -Xmx... kafka.Kafka ...)". Reads the
 * listening socket's inode from /proc/net/tcp{,6}, then looks for that socket among the open files
 * of every process we may inspect. Without permission (another user's process) we say so rather
 * than guess.
 */
export function describeHolder(port: number): string {
  const listener = findListener(port);
  if (listener === undefined) return 'another process (could not identify it)';
  const pid = findSocketOwner(listener.inode);
  if (pid === undefined) {
    return `a process of uid ${listener.uid} that this user cannot inspect (try: sudo ss -ltnp 'sport = :${port}')`;
  }
  const args = commandLine(pid);
  const shown = args === undefined ? '' : ` (${shorten(args.join(' '), 200)})`;
  return `pid ${pid}${shown}`;
}

interface Listener {
  inode: string;
  uid: string;
}

function findListener(port: number): Listener | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
      const fields = line.trim().split(/\s+/);
      const [, local, , state, , , , uid, , inode] = fields;
      const LISTEN = '0A';
      if (state === LISTEN && local?.endsWith(`:${hexPort}`) && inode && inode !== '0' && uid) {
        return { inode, uid };
      }
    }
  }
  return undefined;
}

function findSocketOwner(inode: string): number | undefined {
  const target = `socket:[${inode}]`;
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    for (const fd of safeReaddir(`/proc/${entry}/fd`)) {
      try {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`) === target) return Number(entry);
      } catch {
        // Closed meanwhile, or not ours to read.
      }
    }
  }
  return undefined;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
