import { strict as assert } from 'node:assert';
import { settingsSchema } from '../../src/config.js';
import { REFERENCE_END, renderConfigReference, settingRows } from '../../src/config-reference.js';
import { readRepoFile } from '../contracts/repo-files.js';

describe('configuration reference in docs/operations.md', () => {
  it('when a setting, default, description or example changes in src/config.ts, then the committed reference must be regenerated', () => {
    const doc = readRepoFile('docs/operations.md');
    const start = doc.indexOf('<!-- config-reference:start');
    const end = doc.indexOf(REFERENCE_END);
    assert.ok(start >= 0 && end > start, 'docs/operations.md lacks the config-reference markers');
    assert.equal(
      doc.slice(start, end + REFERENCE_END.length),
      renderConfigReference(),
      'docs/operations.md is stale: run `npm run build && node dist/src/write-config-reference.js`',
    );
  });

  it('when generated, then every variable of the schema has a row with a description and an example', () => {
    const rows = settingRows();
    assert.deepEqual(rows.map((r) => r.name), Object.keys(settingsSchema.shape));
    for (const r of rows) assert.ok(r.description.length > 10 && r.example.length > 2, r.name);
    assert.equal(rows.find((r) => r.name === 'PORT')?.default, '`8080`');
    assert.match(rows.find((r) => r.name === 'RELAY_POOL')?.default ?? '', /required/);
  });
});
