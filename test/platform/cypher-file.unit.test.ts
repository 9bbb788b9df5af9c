import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cypher, withoutCommentLines } from '../../src/platform/cypher-file.js';
import { projectRoot } from '../../src/platform/project-root.js';

describe('named Cypher queries as sent', () => {
  it('drop comment lines, keep placeholders and code with a trailing comment', () => {
    const text = ['// why this query exists', 'MATCH (n)', '  // an indented note', "RETURN n.url = 'a//b' // trailing", '// @inline-writes', 'RETURN 1'].join('\n');
    assert.equal(withoutCommentLines(text), ["MATCH (n)", "RETURN n.url = 'a//b' // trailing", '// @inline-writes', 'RETURN 1'].join('\n'));
  });

  it('send every code line of the file, in order, and no comment line', () => {
    const file = readFileSync(join(projectRoot(), 'graph', 'cypher', 'contact-context.cypher'), 'utf8').split('\n');
    const sent = cypher('contact-context').split('\n');
    assert.deepEqual(sent, file.filter((line) => !line.trim().startsWith('//')));
    assert.ok(sent.length > 10 && sent.length < file.length);
  });
});
