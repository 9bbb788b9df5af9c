import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureAccessKeys } from '../../src/dev-access.js';
import type { SourceRegistryFile } from '../../contracts/source-registry.js';
import { createDevelopmentRegistry, generateDevKeys } from '../../src/ingest/dev-registry.js';
import { providerMessage, type ProviderMessage } from '../../src/ingest/provider-message.js';

export const SUSPENDED_SOURCE = 'test-suspended';
export const TEST_TOKEN_ISSUER = 'recontact-test';

/**
 * The demo sources plus a suspended one, with fresh keys: the suite's own source registry; and the
 * token, audit-checkpoint keys and relay pool a deployment would configure.
 */
export function prepareTestSources(): Record<string, string> {
  const file: SourceRegistryFile = createDevelopmentRegistry();
  file.sources.push({
    id: SUSPENDED_SOURCE,
    name: 'Suspended Test Source',
    kind: 'other',
    status: 'suspended',
    signingKeyEnv: 'RECONTACT_SOURCE_KEY_TEST_SUSPENDED',
    permittedFields: ['names', 'phones'],
    trust: 0.5,
    legalBasis: 'Test fixture',
    retentionDays: 30,
  });
  const registryFile = join(mkdtempSync(join(tmpdir(), 'recontact-sources-')), 'sources.json');
  writeFileSync(registryFile, JSON.stringify(file, null, 2));
  const keys = ensureAccessKeys(dirname(registryFile));
  return {
    AUTH_JWT_ISSUER: TEST_TOKEN_ISSUER,
    AUTH_JWT_PUBLIC_KEY_FILES: keys.tokenPublicKeyFile,
    RECONTACT_TEST_TOKEN_KEY_FILE: keys.tokenPrivateKeyFile,
    AUDIT_SIGNING_KEY_FILE: keys.auditSigningKeyFile,
    RECONTACT_TEST_AUDIT_PUBLIC_KEY_FILE: keys.auditPublicKeyFile,
    RELAY_POOL: '+8617000000000-+8617000000199',
    SOURCE_REGISTRY_FILE: registryFile,
    IDENTIFIER_HMAC_KEY: randomBytes(32).toString('hex'),
    ...generateDevKeys(file),
  };
}

const KEY_ENV: Record<string, string> = {
  'demo-telco': 'RECONTACT_SOURCE_KEY_DEMO_TELCO',
  'demo-registry': 'RECONTACT_SOURCE_KEY_DEMO_REGISTRY',
  'demo-creditor': 'RECONTACT_SOURCE_KEY_DEMO_CREDITOR',
  [SUSPENDED_SOURCE]: 'RECONTACT_SOURCE_KEY_TEST_SUSPENDED',
};

export function sourceKey(sourceId: string): Buffer {
  const hex = process.env[KEY_ENV[sourceId] ?? ''];
  if (hex === undefined) throw new Error(`no test key for ${sourceId}`);
  return Buffer.from(hex, 'hex');
}

/** Signed as the source itself would sign it (or with another source's key, to test forgery). */
export function signed(event: { sourceId: string; sourceRecordId: string }, signAs = event.sourceId): ProviderMessage {
  return providerMessage(event, sourceKey(signAs));
}

export interface TelcoEventOptions {
  recordId?: string;
  observedAt?: string;
  phone?: string;
  status?: 'active' | 'inactive' | 'disconnected' | 'reassigned' | 'unknown';
  op?: 'upsert' | 'retract';
}

/** A minimal valid telecom event; each call gets a fresh event id. */
export function telcoEvent(o: TelcoEventOptions = {}) {
  const observedAt = o.observedAt ?? '2024-05-01T08:00:00+08:00';
  const base = {
    eventId: randomUUID(),
    sourceId: 'demo-telco',
    sourceRecordId: o.recordId ?? `SUB-${randomUUID()}`,
    observedAt,
  };
  if (o.op === 'retract') return { ...base, op: 'retract' as const };
  return {
    ...base,
    op: 'upsert' as const,
    subject: {
      names: [{ full: '王小明', script: 'Hans' }],
      phones: [{ number: o.phone ?? '+8619900000001', status: o.status ?? 'active', lastSeenAt: observedAt }],
      relations: [{ kind: 'frequent_contact' as const, phone: '+8619900000002', weight: 0.8 }],
    },
  };
}
