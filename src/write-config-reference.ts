import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFreshConfigReference } from './config-reference.js';
import { projectRoot } from './platform/project-root.js';

// Rewrites the generated section of docs/operations.md from the settings schema.
const file = join(projectRoot(), 'docs', 'operations.md');
writeFileSync(file, withFreshConfigReference(readFileSync(file, 'utf8')));
process.stdout.write('wrote docs/operations.md\n');
