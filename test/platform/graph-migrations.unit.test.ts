import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, splitStatements } from '../../src/platform/graph-migrations.js';

describe('graph migrations (files)', () => {
  it('when a file holds several statements and comments, then each statement is run on its own', () => {
    const statements = splitStatements(
      '// why this exists\nCREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;\n\nCREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.x);\n',
    );
    assert.deepEqual(statements, [
      'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX b IF NOT EXISTS\n  FOR (n:B) ON (n.x)',
    ]);
  });

  it('when files are loaded, then they come in numeric order with a checksum, and stray files are ignored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    writeFileSync(join(dir, '0002_second.cypher'), 'RETURN 2;');
    writeFileSync(join(dir, '0001_first.cypher'), 'RETURN 1;');
    writeFileSync(join(dir, 'notes.md'), 'not a migration');
    const migrations = loadMigrations(dir);
    assert.deepEqual(migrations.map((m) => m.id), ['0001_first', '0002_second']);
    assert.match(migrations[0]!.checksum, /^[0-9a-f]{64}$/);
    assert.notEqual(migrations[0]!.checksum, migrations[1]!.checksum);
  });

  it('the project migrations parse into at least one statement each', () => {
    const migrations = loadMigrations(join(process.cwd(), 'graph', 'migrations'));
    assert.ok(migrations.length >= 1);
    for (const m of migrations) assert.ok(m.statements.length >= 1, `${m.id} has no statement`);
  });
});
