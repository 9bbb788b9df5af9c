import type { AuditEntry } from './audit-entry.js';

/**
 * An audit record as the store holds it. `canonical` is the whole record without `hash`, in
 * canonical JSON: it alone is hashed and it alone is the record. The other fields are copies of
 * some of its values, kept as properties so they can be indexed and filtered; verification checks
 * that they still agree with `canonical`.
 */
export interface StoredAuditRecord extends IndexedAuditFields {
  chain: string;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
  canonical: string;
}

export interface IndexedAuditFields {
  action: string;
  outcome: string;
  reason?: string;
  actorSubject: string;
  actorRole: string;
  /** The resource's creditor (a case's), or else the acting collector's tenant. */
  creditor?: string;
  caseId?: string;
  personId?: string;
  bindingId?: string;
  requestId?: string;
}

export const INDEXED_FIELD_NAMES = [
  'action',
  'outcome',
  'reason',
  'actorSubject',
  'actorRole',
  'creditor',
  'caseId',
  'personId',
  'bindingId',
  'requestId',
] as const satisfies readonly (keyof IndexedAuditFields)[];

export function indexedFields(entry: AuditEntry): IndexedAuditFields {
  return withoutUndefined({
    action: entry.action,
    outcome: entry.outcome,
    reason: entry.reason,
    actorSubject: entry.actor.subject,
    actorRole: entry.actor.role,
    creditor: entry.resources?.creditor ?? entry.actor.creditor,
    caseId: entry.resources?.caseId,
    personId: entry.resources?.personId,
    bindingId: entry.resources?.bindingId,
    requestId: entry.requestId,
  });
}

/** Neo4j has no stored nulls and JSON Lines drops undefined: both mean "absent" here. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}
