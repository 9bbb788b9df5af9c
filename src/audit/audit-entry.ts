import type { Actor } from '../actor.js';

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

/** Ids only. A real phone number or id number never goes here: use `fingerprints`. */
export interface AuditResources {
  caseId?: string;
  personId?: string;
  bindingId?: string;
  creditor?: string;
  sourceId?: string;
  /** Relay numbers are the service's own, not personal data. */
  relayNumber?: string;
  callId?: string;
}

/**
 * What a capability hands to the audit log. The log adds sequence, time, previous hash and hash.
 * `action` is a dotted verb (`case.create`, `relay.create`, `telephony.route`, `auth.deny`,
 * `ingest.reject`, `subject.restrict`, …); `reason` is the stable code or rule id that decided.
 */
export interface AuditEntry {
  action: string;
  actor: Actor;
  outcome: AuditOutcome;
  reason?: string;
  resources?: AuditResources;
  purpose?: string;
  legalBasis?: string;
  requestId?: string;
  /** Keyed HMACs of personal values involved (e.g. a caller's number), so an auditor holding the value can match it. */
  fingerprints?: Record<string, string>;
  /** Small, non-personal facts about the decision (rule inputs such as local hour or attempt counts). */
  details?: Record<string, string | number | boolean>;
}

/** An entry as stored: sequenced, timed and chained. */
export interface AuditRecord extends AuditEntry {
  chain: string;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/**
 * The audit log's write side. `append` resolves only once the record is durable; it rejects with
 * DependencyUnavailableError when the store is unavailable, so a caller can fail closed.
 */
export interface AuditLog {
  append(entry: AuditEntry): Promise<AuditRecord>;
}
