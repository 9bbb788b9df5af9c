import { ensureLocalInfra } from '../../infra/local-infra.js';
import type { Config } from '../config.js';
import { Neo4jGraph } from '../platform/neo4j-graph.js';

/**
 * The graph a command reads: the configured Neo4j, or on local infra the embedded one (started if
 * it is not running), with the password generated for it.
 */
export async function graphFor(config: Config): Promise<Neo4jGraph> {
  if (!config.useLocalInfra) return new Neo4jGraph(config.neo4j);
  const { endpoints } = await ensureLocalInfra(config.localInfra, (line) => console.error(`[infra] ${line}`), ['neo4j']);
  return new Neo4jGraph({ ...config.neo4j, uri: endpoints.neo4jUri, user: endpoints.neo4jUser, password: endpoints.neo4jPassword });
}
