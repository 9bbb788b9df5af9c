import { writeFileSync } from 'node:fs';
import { renderOpenApiYaml } from './openapi.js';

// Run from dist/contracts/api/; writes next to the TypeScript sources so the file is committed.
const target = new URL('../../../contracts/openapi.yaml', import.meta.url);
writeFileSync(target, renderOpenApiYaml());
process.stdout.write('wrote contracts/openapi.yaml\n');
