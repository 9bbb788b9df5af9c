import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import neo4j, { Neo4jError } from 'neo4j-driver';

import type { LocalInfraSettings } from '../src/config.js';
import { LocalInfraError } from './errors.js';
import type { ManagedServer, Probe } from './managed-server.js';
import type { InfraPaths } from './paths.js';

export const NEO4J_HOST = '127.0.0.1';
export const NEO4J_USER = 'neo4j';
/** Launcher.java reads the password from here, keeping it out of `ps` output. */
const PASSWORD_ENV = 'NEO4J_LOCAL_PASSWORD';

/**
 * The module flags Neo4j 5.26's neo4j.conf passes on Java 17+, plus its other JVM defaults that
 * matter here. Left out on purpose: -XX:+AlwaysPreTouch (would commit the whole heap up front on a
 * development machine) and -XX:+TrustFinalNonStaticFields (neo4j.conf itself says to drop it when
 * embedding).
 */
const NEO4J_JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
];

/** Neo4j Community embedded by infra/neo4j/Launcher.java, Bolt only, authentication on. */
export function neo4jServer(paths: InfraPaths, settings: LocalInfraSettings): ManagedServer {
  const n = paths.neo4j;
  const uri = neo4jUri(settings);
  return {
    name: 'neo4j',
    title: 'Neo4j',
    listening: uri,
    ports: [settings.neo4jBoltPort],
    home: n.home,
    pidFile: n.pid,
    logFile: n.log,
    // The launcher's stdout only carries start/stop markers and fatal errors; Neo4j logs here.
    moreLogs: path.join(n.home, 'logs', 'debug.log'),
    // The --home value ties the process to this state dir, not just to "some Neo4j launcher".
    markers: [n.launcher, n.home],
    mavenDir: n.assets,
    mavenLabel: 'Neo4j 5.26',
    async prepare() {
      await ensurePassword(n.password);
    },
    command: () => ({
      args: [
        `-Xms${settings.neo4jHeapMiB}m`,
        `-Xmx${settings.neo4jHeapMiB}m`,
        ...NEO4J_JVM_FLAGS,
        '-cp',
        path.join(n.lib, '*'),
        n.launcher,
        '--home',
        n.home,
        '--page-cache-mib',
        String(settings.neo4jPageCacheMiB),
        '--bolt',
        `${NEO4J_HOST}:${settings.neo4jBoltPort}`,
      ],
      env: { ...process.env, [PASSWORD_ENV]: readPassword(n.password) },
    }),
    async probe() {
      const password = await readFile(n.password, 'utf8').then(
        (s) => s.trim(),
        () => '',
      );
      if (!password) return { ready: false, reason: `no password in ${n.password}` };
      return probeNeo4j(uri, NEO4J_USER, password);
    },
  };
}

/** The local Neo4j's Bolt URI. */
export function neo4jUri(settings: Pick<LocalInfraSettings, 'neo4jBoltPort'>): string {
  return `bolt://${NEO4J_HOST}:${settings.neo4jBoltPort}`;
}

/**
 * Generated once per state dir and kept there (mode 0600). The launcher applies it on every start,
 * so this file stays the source of truth even for a store created with an older password.
 */
export async function ensurePassword(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').then(
    (s) => s.trim(),
    () => '',
  );
  if (existing.length >= 8) return existing;
  await mkdir(path.dirname(file), { recursive: true });
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // in case the file already existed with wider permissions
  return password;
}

export function readPassword(file: string): string {
  let password: string;
  try {
    password = readFileSync(file, 'utf8').trim();
  } catch {
    password = '';
  }
  if (password.length === 0) {
    throw new LocalInfraError(
      `no local Neo4j password in ${file} yet; run \`npm run infra:up\` (or start the service) to create it`,
    );
  }
  return password;
}

/** Ready means an authenticated `RETURN 1` succeeds on the default database. */
export async function probeNeo4j(uri: string, user: string, password: string): Promise<Probe> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: 3_000,
    maxConnectionPoolSize: 1,
    maxTransactionRetryTime: 0,
  });
  const session = driver.session();
  try {
    await session.run('RETURN 1');
    return { ready: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const authFailed =
      error instanceof Neo4jError &&
      (error.code === 'Neo.ClientError.Security.Unauthorized' ||
        error.code === 'Neo.ClientError.Security.AuthenticationRateLimit');
    return { ready: false, reason, authFailed };
  } finally {
    await session.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
  }
}
