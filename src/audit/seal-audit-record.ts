import { createHash } from 'node:crypto';
import type { AuditEntry, AuditRecord, AuditResources } from './audit-entry.js';
import { assertCanonicalizable, canonicalJson, type JsonValue } from './canonical-json.js';
import { indexedFields, type StoredAuditRecord } from './stored-audit-record.js';

/** The previous hash of a chain's first record. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainPosition {
  chain: string;
  seq: number;
  at: string;
  prevHash: string;
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256')
    .update(prevHash + canonical)
    .digest('hex');
}

/** Places an entry at a chain position: its canonical form, hash and indexed copies. */
export function sealAuditRecord(
  entry: AuditEntry,
  position: ChainPosition,
): { record: AuditRecord; stored: StoredAuditRecord } {
  const canonical = canonicalJson(recordBody(entry, position));
  const hash = chainHash(position.prevHash, canonical);
  const record = { ...(JSON.parse(canonical) as Omit<AuditRecord, 'hash'>), hash };
  return { record, stored: { ...position, hash, canonical, ...indexedFields(entry) } };
}

/** Throws when the entry cannot be written as canonical JSON (a non-finite number in `details`). */
export function assertSealable(entry: AuditEntry): void {
  assertCanonicalizable(recordBody(entry, { chain: '', seq: 0, at: '', prevHash: GENESIS_HASH }));
}

const RESOURCE_KEYS = [
  'caseId',
  'personId',
  'bindingId',
  'creditor',
  'sourceId',
  'relayNumber',
  'callId',
] as const satisfies readonly (keyof AuditResources)[];

/**
 * Only the declared fields are copied, so whatever else a caller's object carries never reaches
 * the log; empty optional objects are left out so equal entries always hash alike.
 */
function recordBody(entry: AuditEntry, position: ChainPosition): JsonValue {
  const resources =
    entry.resources &&
    nonEmpty(Object.fromEntries(RESOURCE_KEYS.map((k) => [k, entry.resources?.[k]])));
  return {
    chain: position.chain,
    seq: position.seq,
    at: position.at,
    prevHash: position.prevHash,
    action: entry.action,
    actor: { subject: entry.actor.subject, role: entry.actor.role, creditor: entry.actor.creditor },
    outcome: entry.outcome,
    reason: entry.reason,
    resources,
    purpose: entry.purpose,
    legalBasis: entry.legalBasis,
    requestId: entry.requestId,
    fingerprints: entry.fingerprints && nonEmpty({ ...entry.fingerprints }),
    details: entry.details && nonEmpty({ ...entry.details }),
  };
}

function nonEmpty<T extends Record<string, JsonValue | undefined>>(value: T): T | undefined {
  return Object.values(value).some((v) => v !== undefined) ? value : undefined;
}
