import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './logger.js';
import type { Neo4jGraph } from './neo4j-graph.js';

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** `graph/migrations/0001_name.cypher`: statements separated by `;` at a line end; `//` comments allowed. */
export function loadMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return {
        id: file.replace(/\.cypher$/, ''),
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Applies each migration once, in order, and records it as a (:Migration) node. Statements must be
 * idempotent (`IF NOT EXISTS`, `MERGE`) because two replicas starting together may both run one
 * before either records it. An applied migration whose file changed is refused: write a new one.
 */
export async function applyMigrations(graph: Neo4jGraph, migrations: Migration[], log: Logger): Promise<string[]> {
  const applied = await appliedMigrations(graph);
  const ran: string[] = [];
  for (const m of migrations) {
    const previous = applied.get(m.id);
    if (previous !== undefined) {
      if (previous !== m.checksum) {
        throw new MigrationError(
          `graph migration ${m.id} was changed after it was applied; restore it and add a new migration instead`,
        );
      }
      continue;
    }
    for (const statement of m.statements) await graph.run(statement);
    await graph.run(
      'MERGE (m:Migration {id: $id}) ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()',
      { id: m.id, checksum: m.checksum },
    );
    log.info({ migration: m.id }, 'graph migration applied');
    ran.push(m.id);
  }
  return ran;
}

export async function appliedMigrations(graph: Neo4jGraph): Promise<Map<string, string>> {
  const result = await graph.run<{ id: string; checksum: string }>(
    'MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum',
  );
  return new Map(result.records.map((r) => [r.get('id'), r.get('checksum')]));
}

/** Ids of migrations on disk that the graph has not recorded yet. */
export async function pendingMigrations(graph: Neo4jGraph, migrations: Migration[]): Promise<string[]> {
  const applied = await appliedMigrations(graph);
  return migrations.filter((m) => !applied.has(m.id)).map((m) => m.id);
}
