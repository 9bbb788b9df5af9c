import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cypher } from '../../../src/platform/cypher-file.js';
import { projectRoot } from '../../../src/platform/project-root.js';

/** The named queries of graph/cypher by their text. */
const NAMED_QUERIES = new Map(
  readdirSync(join(projectRoot(), 'graph', 'cypher'))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => [cypher(f.slice(0, -'.cypher'.length)), f] as const),
);

/** A statement's query file under graph/cypher, or the first line of an inline statement. */
export function statementName(query: string): string {
  const named = NAMED_QUERIES.get(query);
  if (named !== undefined) return named;
  const line = query.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('//')) ?? '';
  return line.length > 90 ? `${line.slice(0, 87)}…` : line;
}
