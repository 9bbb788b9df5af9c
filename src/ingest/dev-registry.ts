import { randomBytes } from 'node:crypto';
import type { SourceRegistryFile } from '../../contracts/source-registry.js';
import { MIN_SIGNING_KEY_BYTES } from './signing-key.js';

const DEMO_LEGAL_BASIS = 'Development only: synthetic demo data, no personal data is processed';

/** Three demo providers for local runs; their events are the files in contracts/examples/. */
export function createDevelopmentRegistry(): SourceRegistryFile {
  return {
    version: 1,
    sources: [
      {
        id: 'demo-telco',
        name: 'Demo Telco',
        kind: 'telecom',
        status: 'active',
        signingKeyEnv: 'RECONTACT_SOURCE_KEY_DEMO_TELCO',
        permittedFields: ['names', 'nationalIds', 'phones', 'relations'],
        trust: 0.9,
        legalBasis: DEMO_LEGAL_BASIS,
        retentionDays: 365,
      },
      {
        id: 'demo-registry',
        name: 'Demo Public Registry',
        kind: 'registry',
        status: 'active',
        signingKeyEnv: 'RECONTACT_SOURCE_KEY_DEMO_REGISTRY',
        permittedFields: ['names', 'birthDate', 'nationalIds', 'addresses'],
        trust: 0.95,
        legalBasis: DEMO_LEGAL_BASIS,
        retentionDays: 730,
      },
      {
        id: 'demo-creditor',
        name: 'Demo Creditor',
        kind: 'creditor',
        status: 'active',
        signingKeyEnv: 'RECONTACT_SOURCE_KEY_DEMO_CREDITOR',
        permittedFields: [
          'names',
          'birthDate',
          'nationalIds',
          'phones',
          'emails',
          'addresses',
          'employer',
        ],
        trust: 0.6,
        legalBasis: DEMO_LEGAL_BASIS,
        retentionDays: 365,
      },
    ],
  };
}

/** Fresh random hex keys by env var name; the caller persists them so restarts keep them. */
export function generateDevKeys(
  file: SourceRegistryFile = createDevelopmentRegistry(),
): Record<string, string> {
  return Object.fromEntries(
    file.sources.map((source) => [
      source.signingKeyEnv,
      randomBytes(MIN_SIGNING_KEY_BYTES).toString('hex'),
    ]),
  );
}
