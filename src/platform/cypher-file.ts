import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root.js';

const cache = new Map<string, string>();

/** Named queries live in graph/cypher/*.cypher so they can be read, reviewed and profiled as Cypher. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(projectRoot(), 'graph', 'cypher', `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
