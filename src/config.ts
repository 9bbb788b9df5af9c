import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './platform/project-root.js';

/**
 * The only reader of process.env. Every setting is parsed once, at start-up; a bad value stops the
 * process with a message that names the variable, what is wrong and an example of a good value.
 */

const brokerList = z
  .string()
  .transform((raw) => raw.split(',').map((b) => b.trim()).filter((b) => b.length > 0))
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each broker must be host:port')).min(1));

const mib = (fallback: number, max: number) => z.coerce.number().int().min(64).max(max).default(fallback);
const tcpPort = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const settingsSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Log level of the JSON log lines on stdout; personal fields are redacted at every level.'),
  HOST: z.string().min(1).default('127.0.0.1').describe('HTTP listen address; `0.0.0.0` in a container.'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP listen port; `0` picks a free one (the log line `HTTP server listening` names it).'),
  KAFKA_BROKERS: brokerList.optional().describe('Comma-separated `host:port` list of an existing Kafka cluster. Set together with `NEO4J_URI`; when both are unset, local servers are started.'),
  KAFKA_CLIENT_ID: z.string().min(1).default('recontact').describe('Kafka client id, as brokers log and quota it.'),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,100}$/, 'may use only letters, digits, dots, underscores and dashes')
    .default('').describe('Prefix of every topic the service reads, writes and creates, to share one cluster between environments.'),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6).describe('Partitions of the topics the service creates; the most ingest replicas that can consume at once.'),
  KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1).describe('Replication factor of the topics the service creates; 3 on a real cluster.'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must be a bolt:// or neo4j:// URI')
    .optional().describe('An existing Neo4j 5 (or Aura) as `bolt://` or `neo4j://`, `+s`/`+ssc` for TLS. Set together with `KAFKA_BROKERS`.'),
  NEO4J_USER: z.string().min(1).default('neo4j').describe('Neo4j user.'),
  NEO4J_PASSWORD: z.string().optional().describe('Neo4j password; generated for the local server.'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j').describe('Neo4j database name.'),
  SOURCE_REGISTRY_FILE: z.string().min(1).optional().describe('JSON file listing the sources events are accepted from (contracts/source-registry.md); a development one is generated locally.'),
  IDENTIFIER_HMAC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64,}$/, 'must be at least 64 hex characters (32 random bytes)')
    .optional().describe('Hex key of the keyed HMAC under which national ids and third parties\' numbers are stored. Changing it makes stored fingerprints unmatchable: rebuild after a change.'),
  INGEST_GROUP_ID: z.string().min(1).default('recontact-ingest').describe('Kafka consumer group of the ingest consumers; replicas with the same group share the partitions.'),
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3).describe('Partitions one replica consumes at once.'),
  INGEST_CHUNK_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000).describe('Messages applied per graph transaction; offsets are committed after each chunk.'),
  INGEST_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3).describe('Attempts of a valid event that keeps failing before it is dead-lettered as PROCESSING_FAILED.'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000).describe('Graceful-stop budget after SIGTERM before a forced exit.'),
  AUTH_JWT_PUBLIC_KEY_FILES: z.string().min(1).optional().describe('Comma-separated PEM files of the identity provider\'s RS256/ES256 public keys; list the old and the new key while rotating.'),
  AUTH_JWKS_FILE: z.string().min(1).optional().describe('A JWKS file of the identity provider\'s public keys, instead of or besides PEM files.'),
  AUTH_JWT_ISSUER: z.string().min(1).optional().describe('The `iss` every token must carry; `recontact-local-dev` on the local servers.'),
  AUTH_JWT_AUDIENCE: z.string().min(1).default('recontact').describe('The `aud` every token must carry.'),
  AUTH_ALLOW_HS256: z.enum(['true', 'false']).default('false').describe('Accept HS256 tokens signed with AUTH_HS256_SECRET; local development only.'),
  AUTH_HS256_SECRET: z.string().min(32, 'must be at least 32 characters').optional().describe('Shared secret for HS256 tokens when AUTH_ALLOW_HS256=true.'),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600).describe('Requests per token subject per minute before 429 RATE_LIMITED.'),
  AUTH_TELEPHONY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(60_000).describe('Requests per minute for a telephony token: a carrier\'s routing webhook carries every call, so it has its own, higher limit.'),
  RELAY_POOL: z.string().min(1).optional().describe('The relay numbers: E.164 numbers and ranges, comma-separated; a small test range is used locally.'),
  RELAY_POOL_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'may use only letters, digits, dots, underscores and dashes')
    .default('default').describe('Name of the pool in the graph; services sharing a graph with different pools use different names.'),
  RELAY_QUARANTINE_DAYS: z.coerce.number().min(0).max(365).default(30).describe('Days an ended relay number rests before it may serve another debtor.'),
  RELAY_DEFAULT_TTL_HOURS: z.coerce.number().min(1).max(720).default(168).describe('Lifetime of a relay binding when the request names none.'),
  RELAY_MAX_TTL_HOURS: z.coerce.number().min(1).max(720).default(720).describe('Longest lifetime a relay binding may be given.'),
  RELAY_POLICY_PROFILE: z.enum(['CN', 'US']).default('CN').describe('Calling hours and frequency rules: `CN` (08:00–22:00, 3 conversations a day) or `US` (08:00–21:00, Reg F 7-in-7).'),
  RELAY_MIN_LINK_SCORE: z.coerce.number().min(0).max(100).default(18).describe('Weakest record link (bits of match evidence) a person may have for their contacts to be routed to.'),
  RELAY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000).describe('How often bindings expire, unmatched cases are re-matched and pool metrics are published.'),
  AUDIT_CHAIN: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'may use only letters, digits, dots, underscores and dashes')
    .default('main').describe('Name of the audit hash chain in the graph; one per deployment.'),
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional().describe('Ed25519 private key (PEM) that signs audit checkpoints; generated locally.'),
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000).describe('How often a signed checkpoint of the audit chain head is written.'),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1825, 'must keep audit records at least 5 years (1825 days)').default(1825).describe('Days audit records are kept; at least five years.'),
  INFRA_DIR: z.string().min(1).default('.infra').describe('Where the local servers keep data, logs, pid files and development secrets.'),
  INFRA_KAFKA_HEAP_MIB: mib(512, 8192).describe('Heap of the local Kafka.'),
  INFRA_NEO4J_HEAP_MIB: mib(1024, 8192).describe('Heap of the local Neo4j.'),
  INFRA_NEO4J_PAGECACHE_MIB: mib(512, 8192).describe('Page cache of the local Neo4j.'),
  INFRA_START_TIMEOUT_MS: z.coerce.number().int().min(1000).max(900_000).default(180_000).describe('How long to wait for a local server to become ready.'),
  INFRA_KAFKA_PORT: tcpPort(9092).describe('Port of the local Kafka\'s client listener on 127.0.0.1; another value lets a second set of local servers (its own `INFRA_DIR`) run beside the first.'),
  INFRA_KAFKA_CONTROLLER_PORT: tcpPort(9093).describe('Port of the local Kafka\'s KRaft controller listener on 127.0.0.1.'),
  INFRA_NEO4J_BOLT_PORT: tcpPort(7687).describe('Bolt port of the local Neo4j on 127.0.0.1.'),
});

/** A good value of each setting: quoted in error messages and in the configuration reference. */
export const settingExamples: Record<string, string> = {
  LOG_LEVEL: 'info',
  HOST: '0.0.0.0',
  PORT: '8080',
  KAFKA_BROKERS: '127.0.0.1:9092,kafka-2.internal:9092',
  KAFKA_CLIENT_ID: 'recontact',
  KAFKA_TOPIC_PREFIX: 'staging.',
  KAFKA_TOPIC_PARTITIONS: '6',
  KAFKA_TOPIC_REPLICATION_FACTOR: '3',
  NEO4J_URI: 'bolt://127.0.0.1:7687',
  NEO4J_USER: 'neo4j',
  NEO4J_PASSWORD: '(from your secret store)',
  NEO4J_DATABASE: 'neo4j',
  SOURCE_REGISTRY_FILE: '/etc/recontact/sources.json',
  IDENTIFIER_HMAC_KEY: '$(openssl rand -hex 32)',
  INGEST_GROUP_ID: 'recontact-ingest',
  INGEST_CONCURRENCY: '3',
  INGEST_CHUNK_SIZE: '1000',
  INGEST_MAX_ATTEMPTS: '3',
  SHUTDOWN_TIMEOUT_MS: '30000',
  AUTH_JWT_PUBLIC_KEY_FILES: '/etc/recontact/idp-es256.pem,/etc/recontact/idp-next.pem',
  AUTH_JWKS_FILE: '/etc/recontact/jwks.json',
  AUTH_JWT_ISSUER: 'https://idp.example-bank.internal',
  AUTH_JWT_AUDIENCE: 'recontact',
  AUTH_ALLOW_HS256: 'false',
  AUTH_HS256_SECRET: '$(openssl rand -hex 32)',
  AUTH_RATE_LIMIT_PER_MINUTE: '600',
  AUTH_TELEPHONY_RATE_LIMIT_PER_MINUTE: '60000',
  RELAY_POOL: '+8617100000000-+8617100000999,+8617200000001',
  RELAY_POOL_NAME: 'cn-main',
  RELAY_QUARANTINE_DAYS: '30',
  RELAY_DEFAULT_TTL_HOURS: '168',
  RELAY_MAX_TTL_HOURS: '720',
  RELAY_POLICY_PROFILE: 'CN',
  RELAY_MIN_LINK_SCORE: '18',
  RELAY_SWEEP_INTERVAL_MS: '30000',
  AUDIT_CHAIN: 'main',
  AUDIT_SIGNING_KEY_FILE: '/etc/recontact/audit-ed25519.pem',
  AUDIT_CHECKPOINT_INTERVAL_MS: '60000',
  AUDIT_RETENTION_DAYS: '1825',
  INFRA_DIR: '.infra',
  INFRA_KAFKA_HEAP_MIB: '512',
  INFRA_NEO4J_HEAP_MIB: '1024',
  INFRA_NEO4J_PAGECACHE_MIB: '512',
  INFRA_START_TIMEOUT_MS: '180000',
  INFRA_KAFKA_PORT: '9092',
  INFRA_KAFKA_CONTROLLER_PORT: '9093',
  INFRA_NEO4J_BOLT_PORT: '7687',
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type Settings = z.infer<typeof settingsSchema>;

export interface LocalInfraSettings {
  dir: string;
  kafkaHeapMiB: number;
  neo4jHeapMiB: number;
  neo4jPageCacheMiB: number;
  startTimeoutMs: number;
  /** Where the local servers listen on 127.0.0.1; all three differ. */
  kafkaPort: number;
  kafkaControllerPort: number;
  neo4jBoltPort: number;
}

export interface Config {
  logLevel: Settings['LOG_LEVEL'];
  http: { host: string; port: number };
  /** True when neither KAFKA_BROKERS nor NEO4J_URI is set: the service runs on the embedded local servers. */
  useLocalInfra: boolean;
  kafka: { brokers: string[]; clientId: string; topicPrefix: string; partitions: number; replicationFactor: number };
  neo4j: { uri: string; user: string; password: string | undefined; database: string };
  ingest: {
    /** Unset only on the local embedded servers, where a development registry is generated. */
    registryFile: string | undefined;
    /** Keyed HMAC for national ids and third parties' numbers; generated locally when unset. */
    identifierKey: Buffer | undefined;
    groupId: string;
    concurrency: number;
    chunkSize: number;
    maxAttempts: number;
  };
  auth: {
    /** PEM files of the identity provider's RS256/ES256 public keys. */
    publicKeyFiles: string[];
    jwksFile: string | undefined;
    /** Unset only on the local embedded servers, where a development issuer is used. */
    issuer: string | undefined;
    audience: string;
    /** HS256 is for local development only, and only when explicitly enabled. */
    hs256Secret: string | undefined;
    rateLimitPerMinute: number;
    /** A carrier's routing webhook carries every call of every creditor: it gets its own, higher limit. */
    telephonyRateLimitPerMinute: number;
  };
  relay: {
    /** Unparsed pool spec (E.164 numbers and ranges); unset only on the local embedded servers. */
    pool: string | undefined;
    poolName: string;
    quarantineMs: number;
    defaultTtlMs: number;
    maxTtlMs: number;
    policyProfile: 'CN' | 'US';
    /** A person's link score (bits) below which its contacts are never routed to. */
    minLinkScore: number;
    sweepIntervalMs: number;
  };
  audit: {
    chain: string;
    /** Ed25519 private key (PEM) that signs checkpoints; generated locally when unset. */
    signingKeyFile: string | undefined;
    checkpointIntervalMs: number;
    retentionDays: number;
  };
  /** Source signing keys are read from the variables the registry names; nothing else reads this. */
  secrets: Readonly<Record<string, string | undefined>>;
  shutdownTimeoutMs: number;
  localInfra: LocalInfraSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export function parseSettings(env: NodeJS.ProcessEnv): Settings {
  const present = Object.fromEntries(
    Object.keys(settingsSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = settingsSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '(environment)');
        const example = settingExamples[name] ? ` (example: ${name}=${settingExamples[name]})` : '';
        return `${name}: ${issue.message}${example}`;
      }),
    );
  }
  return parsed.data;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const s = parseSettings(env);
  const external = [s.KAFKA_BROKERS !== undefined, s.NEO4J_URI !== undefined];
  if (external[0] !== external[1]) {
    throw new ConfigError([
      `${external[0] ? 'NEO4J_URI' : 'KAFKA_BROKERS'}: missing while ${external[0] ? 'KAFKA_BROKERS' : 'NEO4J_URI'} is set; ` +
        'set both to use existing servers, or neither to run on the local embedded ones ' +
        `(example: KAFKA_BROKERS=${settingExamples.KAFKA_BROKERS} NEO4J_URI=${settingExamples.NEO4J_URI})`,
    ]);
  }
  if (external[0]) requireForExternal(s);
  else requireDistinctLocalPorts(s);
  return {
    logLevel: s.LOG_LEVEL,
    http: { host: s.HOST, port: s.PORT },
    useLocalInfra: !external[0],
    kafka: {
      brokers: s.KAFKA_BROKERS ?? [`127.0.0.1:${s.INFRA_KAFKA_PORT}`],
      clientId: s.KAFKA_CLIENT_ID,
      topicPrefix: s.KAFKA_TOPIC_PREFIX,
      partitions: s.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: s.KAFKA_TOPIC_REPLICATION_FACTOR,
    },
    neo4j: {
      uri: s.NEO4J_URI ?? `bolt://127.0.0.1:${s.INFRA_NEO4J_BOLT_PORT}`,
      user: s.NEO4J_USER,
      password: s.NEO4J_PASSWORD,
      database: s.NEO4J_DATABASE,
    },
    ingest: {
      registryFile: s.SOURCE_REGISTRY_FILE,
      identifierKey: s.IDENTIFIER_HMAC_KEY === undefined ? undefined : Buffer.from(s.IDENTIFIER_HMAC_KEY, 'hex'),
      groupId: s.INGEST_GROUP_ID,
      concurrency: s.INGEST_CONCURRENCY,
      chunkSize: s.INGEST_CHUNK_SIZE,
      maxAttempts: s.INGEST_MAX_ATTEMPTS,
    },
    auth: {
      publicKeyFiles: (s.AUTH_JWT_PUBLIC_KEY_FILES ?? '').split(',').map((f) => f.trim()).filter((f) => f.length > 0),
      jwksFile: s.AUTH_JWKS_FILE,
      issuer: s.AUTH_JWT_ISSUER,
      audience: s.AUTH_JWT_AUDIENCE,
      hs256Secret: s.AUTH_ALLOW_HS256 === 'true' ? s.AUTH_HS256_SECRET : undefined,
      rateLimitPerMinute: s.AUTH_RATE_LIMIT_PER_MINUTE,
      telephonyRateLimitPerMinute: s.AUTH_TELEPHONY_RATE_LIMIT_PER_MINUTE,
    },
    relay: {
      pool: s.RELAY_POOL,
      poolName: s.RELAY_POOL_NAME,
      quarantineMs: s.RELAY_QUARANTINE_DAYS * DAY_MS,
      defaultTtlMs: s.RELAY_DEFAULT_TTL_HOURS * HOUR_MS,
      maxTtlMs: s.RELAY_MAX_TTL_HOURS * HOUR_MS,
      policyProfile: s.RELAY_POLICY_PROFILE,
      minLinkScore: s.RELAY_MIN_LINK_SCORE,
      sweepIntervalMs: s.RELAY_SWEEP_INTERVAL_MS,
    },
    audit: {
      chain: s.AUDIT_CHAIN,
      signingKeyFile: s.AUDIT_SIGNING_KEY_FILE,
      checkpointIntervalMs: s.AUDIT_CHECKPOINT_INTERVAL_MS,
      retentionDays: s.AUDIT_RETENTION_DAYS,
    },
    secrets: Object.freeze({ ...env }),
    shutdownTimeoutMs: s.SHUTDOWN_TIMEOUT_MS,
    localInfra: {
      dir: isAbsolute(s.INFRA_DIR) ? s.INFRA_DIR : resolve(projectRoot(), s.INFRA_DIR),
      kafkaHeapMiB: s.INFRA_KAFKA_HEAP_MIB,
      neo4jHeapMiB: s.INFRA_NEO4J_HEAP_MIB,
      neo4jPageCacheMiB: s.INFRA_NEO4J_PAGECACHE_MIB,
      startTimeoutMs: s.INFRA_START_TIMEOUT_MS,
      kafkaPort: s.INFRA_KAFKA_PORT,
      kafkaControllerPort: s.INFRA_KAFKA_CONTROLLER_PORT,
      neo4jBoltPort: s.INFRA_NEO4J_BOLT_PORT,
    },
  };
}

/** Generated on the local servers; against external ones they must be given (besides a token verifier). */
export const REQUIRED_FOR_EXTERNAL = [
  'SOURCE_REGISTRY_FILE',
  'IDENTIFIER_HMAC_KEY',
  'AUTH_JWT_ISSUER',
  'RELAY_POOL',
  'AUDIT_SIGNING_KEY_FILE',
] as const;

/** Against real servers nothing is generated: registry, keys, issuer and relay pool must be given. */
function requireForExternal(s: Settings): void {
  const problems = REQUIRED_FOR_EXTERNAL
    .filter((name) => s[name] === undefined)
    .map((name) => `${name}: required when KAFKA_BROKERS and NEO4J_URI are set (example: ${name}=${settingExamples[name]})`);
  const hs256 = s.AUTH_ALLOW_HS256 === 'true';
  if (s.AUTH_JWT_PUBLIC_KEY_FILES === undefined && s.AUTH_JWKS_FILE === undefined && !hs256) {
    problems.push(
      'AUTH_JWT_PUBLIC_KEY_FILES: required (or AUTH_JWKS_FILE) when KAFKA_BROKERS and NEO4J_URI are set, ' +
        `so tokens can be verified (example: AUTH_JWT_PUBLIC_KEY_FILES=${settingExamples.AUTH_JWT_PUBLIC_KEY_FILES})`,
    );
  }
  if (hs256 && s.AUTH_HS256_SECRET === undefined) {
    problems.push(`AUTH_HS256_SECRET: required when AUTH_ALLOW_HS256=true (example: AUTH_HS256_SECRET=${settingExamples.AUTH_HS256_SECRET})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/** The local servers would fail to bind, one of them late and with a less helpful message. */
function requireDistinctLocalPorts(s: Settings): void {
  const ports = { INFRA_KAFKA_PORT: s.INFRA_KAFKA_PORT, INFRA_KAFKA_CONTROLLER_PORT: s.INFRA_KAFKA_CONTROLLER_PORT, INFRA_NEO4J_BOLT_PORT: s.INFRA_NEO4J_BOLT_PORT };
  const names = Object.keys(ports) as (keyof typeof ports)[];
  const clashes = names.flatMap((name, i) => names.slice(i + 1).filter((other) => ports[other] === ports[name]).map((other) => [name, other] as const));
  if (clashes.length === 0) return;
  throw new ConfigError(
    clashes.map(([name, other]) => `${other}: ${ports[other]} is also ${name}; each local server listens on its own port (example: ${other}=${settingExamples[other]})`),
  );
}
