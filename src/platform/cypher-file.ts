import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root.js';

const cache = new Map<string, string>();

/** A line that is only a comment and not a placeholder (`// @name`) that code fills in. */
const COMMENT_LINE = /^\s*\/\/(?!\s*@)/;

/**
 * Named queries live in graph/cypher/*.cypher so they can be read, reviewed and profiled as Cypher.
 * Comment lines stay in the files and are dropped from what is sent: every statement carries its
 * text to the server, and the comments were a third of the routing read's.
 */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = withoutCommentLines(readFileSync(join(projectRoot(), 'graph', 'cypher', `${name}.cypher`), 'utf8'));
    cache.set(name, text);
  }
  return text;
}

export function withoutCommentLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => !COMMENT_LINE.test(line))
    .join('\n');
}
