import { ensureLocalInfra } from '../infra/local-infra.js';
import type { Config } from './config.js';
import { ensureDevSecrets } from './ingest/dev-secrets.js';

/**
 * The config for running on the local embedded servers: starts them if needed, points Kafka and
 * Neo4j at them, and fills the registry, identifier key and source keys with the generated
 * development ones wherever the environment gave none.
 */
export async function withLocalInfra(config: Config, logLine: (line: string) => void): Promise<Config> {
  const { endpoints } = await ensureLocalInfra(config.localInfra, logLine);
  const dev = ensureDevSecrets(config.localInfra.dir);
  return {
    ...config,
    ingest: {
      ...config.ingest,
      registryFile: config.ingest.registryFile ?? dev.registryFile,
      identifierKey: config.ingest.identifierKey ?? dev.identifierKey,
    },
    secrets: { ...dev.env, ...config.secrets },
    kafka: { ...config.kafka, brokers: endpoints.kafkaBrokers },
    neo4j: { ...config.neo4j, uri: endpoints.neo4jUri, user: endpoints.neo4jUser, password: endpoints.neo4jPassword },
  };
}
