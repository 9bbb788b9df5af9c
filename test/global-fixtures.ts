import { ensureLocalInfra, stopLocalInfra, type ServerName } from '../infra/local-infra.js';
import { join } from 'node:path';
import { loadConfig, type Config, type LocalInfraSettings } from '../src/config.js';
import { applyMigrations, loadMigrations } from '../src/platform/graph-migrations.js';
import { createLogger } from '../src/platform/logger.js';
import { Neo4jGraph } from '../src/platform/neo4j-graph.js';
import { prepareTestSources } from './support/test-sources.js';

/**
 * Mocha global fixtures for the whole suite: when no external KAFKA_BROKERS / NEO4J_URI is set, the
 * local servers are brought up, and afterwards stopped again only if this run started them.
 */
let startedHere: ServerName[] = [];
let settings: LocalInfraSettings | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  // The suite runs as a deployment would: an explicit source registry and identifier key.
  for (const [name, value] of Object.entries(prepareTestSources())) process.env[name] ??= value;
  const config = loadConfig();
  if (config.useLocalInfra) await startLocalServers(config);
  await migrateGraph();
}

/** Components under test rely on the graph's constraints, as the service does after start-up. */
async function migrateGraph(): Promise<void> {
  const graph = new Neo4jGraph(loadConfig().neo4j);
  try {
    await applyMigrations(graph, loadMigrations(join(process.cwd(), 'graph', 'migrations')), createLogger('silent'));
  } finally {
    await graph.close();
  }
}

async function startLocalServers(config: Config): Promise<void> {
  const { endpoints, started } = await ensureLocalInfra(config.localInfra, (line) => console.log(`  [infra] ${line}`));
  startedHere = started;
  settings = config.localInfra;
  process.env.KAFKA_BROKERS = endpoints.kafkaBrokers.join(',');
  process.env.NEO4J_URI = endpoints.neo4jUri;
  process.env.NEO4J_USER = endpoints.neo4jUser;
  process.env.NEO4J_PASSWORD = endpoints.neo4jPassword;
  // Lets tests that stop and restart a local server know they may.
  process.env.RECONTACT_TEST_LOCAL_INFRA = '1';
  process.env.LOG_LEVEL ??= 'silent';
}

export async function mochaGlobalTeardown(): Promise<void> {
  if (settings === undefined || startedHere.length === 0) return;
  await stopLocalInfra(settings, startedHere);
}
