import { writeFileSync } from 'node:fs';
import { renderIdentityUpdateV1JsonSchema } from './json-schema.js';

// Run from dist/contracts/; writes next to the TypeScript source so the file is committed.
const target = new URL('../../contracts/identity-update.v1.schema.json', import.meta.url);
writeFileSync(target, renderIdentityUpdateV1JsonSchema());
process.stdout.write(`wrote ${target.pathname.split('/').slice(-2).join('/')}\n`);
