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

export const settingsSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  KAFKA_BROKERS: brokerList.optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default('recontact'),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,100}$/, 'may use only letters, digits, dots, underscores and dashes')
    .default(''),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  SOURCE_REGISTRY_FILE: z.string().min(1).optional(),
  IDENTIFIER_HMAC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64,}$/, 'must be at least 64 hex characters (32 random bytes)')
    .optional(),
  INGEST_GROUP_ID: z.string().min(1).default('recontact-ingest'),
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
  INGEST_CHUNK_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
  INGEST_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  INFRA_DIR: z.string().min(1).default('.infra'),
  INFRA_KAFKA_HEAP_MIB: mib(512, 8192),
  INFRA_NEO4J_HEAP_MIB: mib(1024, 8192),
  INFRA_NEO4J_PAGECACHE_MIB: mib(512, 8192),
  INFRA_START_TIMEOUT_MS: z.coerce.number().int().min(1000).max(900_000).default(180_000),
});

const examples: Record<string, string> = {
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
  NEO4J_DATABASE: 'neo4j',
  SOURCE_REGISTRY_FILE: '/etc/recontact/sources.json',
  IDENTIFIER_HMAC_KEY: '$(openssl rand -hex 32)',
  INGEST_GROUP_ID: 'recontact-ingest',
  INGEST_CONCURRENCY: '3',
  INGEST_CHUNK_SIZE: '1000',
  INGEST_MAX_ATTEMPTS: '3',
  SHUTDOWN_TIMEOUT_MS: '30000',
  INFRA_DIR: '.infra',
  INFRA_KAFKA_HEAP_MIB: '512',
  INFRA_NEO4J_HEAP_MIB: '1024',
  INFRA_NEO4J_PAGECACHE_MIB: '512',
  INFRA_START_TIMEOUT_MS: '180000',
};

export type Settings = z.infer<typeof settingsSchema>;

export interface LocalInfraSettings {
  dir: string;
  kafkaHeapMiB: number;
  neo4jHeapMiB: number;
  neo4jPageCacheMiB: number;
  startTimeoutMs: number;
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
        const example = examples[name] ? ` (example: ${name}=${examples[name]})` : '';
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
        `(example: KAFKA_BROKERS=${examples.KAFKA_BROKERS} NEO4J_URI=${examples.NEO4J_URI})`,
    ]);
  }
  if (external[0]) requireForExternal(s);
  return {
    logLevel: s.LOG_LEVEL,
    http: { host: s.HOST, port: s.PORT },
    useLocalInfra: !external[0],
    kafka: {
      brokers: s.KAFKA_BROKERS ?? ['127.0.0.1:9092'],
      clientId: s.KAFKA_CLIENT_ID,
      topicPrefix: s.KAFKA_TOPIC_PREFIX,
      partitions: s.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: s.KAFKA_TOPIC_REPLICATION_FACTOR,
    },
    neo4j: {
      uri: s.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
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
    secrets: Object.freeze({ ...env }),
    shutdownTimeoutMs: s.SHUTDOWN_TIMEOUT_MS,
    localInfra: {
      dir: isAbsolute(s.INFRA_DIR) ? s.INFRA_DIR : resolve(projectRoot(), s.INFRA_DIR),
      kafkaHeapMiB: s.INFRA_KAFKA_HEAP_MIB,
      neo4jHeapMiB: s.INFRA_NEO4J_HEAP_MIB,
      neo4jPageCacheMiB: s.INFRA_NEO4J_PAGECACHE_MIB,
      startTimeoutMs: s.INFRA_START_TIMEOUT_MS,
    },
  };
}

/** Against real servers nothing is generated: the registry and the identifier key must be given. */
function requireForExternal(s: Settings): void {
  const missing = (['SOURCE_REGISTRY_FILE', 'IDENTIFIER_HMAC_KEY'] as const).filter((name) => s[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      missing.map(
        (name) => `${name}: required when KAFKA_BROKERS and NEO4J_URI are set (example: ${name}=${examples[name]})`,
      ),
    );
  }
}
