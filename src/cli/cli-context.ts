import type { Config } from '../config.js';
import { ensureDevSecrets } from '../ingest/dev-secrets.js';
import { loadSourceRegistry } from '../ingest/load-source-registry.js';
import type { SourceRegistry } from '../ingest/source-registry.js';
import { KafkajsEventBus } from '../platform/kafkajs-event-bus.js';
import { createLogger } from '../platform/logger.js';
import { topicNames, type Topics } from '../topics.js';

export interface CliContext {
  config: Config;
  registry: SourceRegistry;
  identifierKey: Buffer;
  topics: Topics;
  bus: KafkajsEventBus;
}

/**
 * The registry and keys a command works with: on the local embedded servers the generated
 * development ones (so examples run as written), otherwise exactly what the environment configures.
 */
export function cliContext(config: Config): CliContext {
  const dev = config.useLocalInfra ? ensureDevSecrets(config.localInfra.dir) : undefined;
  const registryFile = config.ingest.registryFile ?? dev?.registryFile;
  const identifierKey = config.ingest.identifierKey ?? dev?.identifierKey;
  if (registryFile === undefined || identifierKey === undefined) throw new Error('SOURCE_REGISTRY_FILE and IDENTIFIER_HMAC_KEY must be set');
  return {
    config,
    registry: loadSourceRegistry(registryFile, { ...dev?.env, ...config.secrets }),
    identifierKey,
    topics: topicNames(config.kafka.topicPrefix),
    bus: new KafkajsEventBus(config.kafka, createLogger('error')),
  };
}
