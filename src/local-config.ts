import { ensureLocalInfra } from '../infra/local-infra.js';
import type { Config } from './config.js';
import { DEV_RELAY_POOL, DEV_TOKEN_ISSUER, ensureAccessKeys } from './dev-access.js';
import { ensureDevSecrets } from './ingest/dev-secrets.js';
import { join } from 'node:path';

/**
 * The config for running on the local embedded servers: starts them if needed, points Kafka and
 * Neo4j at them, and fills the registry, identifier key and source keys with the generated
 * development ones wherever the environment gave none — source keys, the token issuer and its key,
 * the audit checkpoint key and a small relay pool.
 */
export async function withLocalInfra(config: Config, logLine: (line: string) => void): Promise<Config> {
  const { endpoints } = await ensureLocalInfra(config.localInfra, logLine);
  const dev = ensureDevSecrets(config.localInfra.dir);
  const keys = ensureAccessKeys(join(config.localInfra.dir, 'dev'));
  const ownVerifier = config.auth.publicKeyFiles.length > 0 || config.auth.jwksFile !== undefined;
  return {
    ...config,
    auth: {
      ...config.auth,
      publicKeyFiles: ownVerifier ? config.auth.publicKeyFiles : [keys.tokenPublicKeyFile],
      issuer: config.auth.issuer ?? DEV_TOKEN_ISSUER,
    },
    relay: { ...config.relay, pool: config.relay.pool ?? DEV_RELAY_POOL },
    audit: { ...config.audit, signingKeyFile: config.audit.signingKeyFile ?? keys.auditSigningKeyFile },
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
