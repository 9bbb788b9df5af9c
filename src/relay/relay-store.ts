import type { AuditEntry } from '../audit/audit-entry.js';
import type { CaseRef } from './case-store.js';

export type BindingState = 'active' | 'released' | 'expired' | 'revoked';

export interface RelayBinding {
  id: string;
  creditor: string;
  caseId: string;
  personId: string;
  relayNumber: string;
  purpose: string;
  state: BindingState;
  createdAt: string;
  expiresAt: string;
}

export interface NewBinding {
  id: string;
  case: CaseRef;
  personId: string;
  purpose: string;
  now: Date;
  expiresAt: Date;
}

export type AllocationResult =
  | { outcome: 'created'; binding: RelayBinding }
  | { outcome: 'existing'; binding: RelayBinding }
  | { outcome: 'exhausted' };

export interface PoolUsage {
  total: number;
  bound: number;
  quarantined: number;
}

/**
 * Relay numbers and their bindings. A number is `free`, `bound` to one active binding, or in
 * `quarantine` after release; only the same debtor may get it back before quarantine ends.
 */
export interface RelayStore {
  seedPool(numbers: string[]): Promise<number>;
  /**
   * Atomic across replicas: one active binding per number and per case, enforced by the database.
   * The audit record `auditOf(result)` is written in the same transaction, so a binding never
   * exists without it.
   */
  allocate(request: NewBinding, auditOf: (result: AllocationResult) => AuditEntry): Promise<AllocationResult>;
  activeForCase(ref: CaseRef, now: Date): Promise<RelayBinding | undefined>;
  findBinding(creditor: string, bindingId: string): Promise<RelayBinding | undefined>;
  /** Ends an active binding and quarantines its number; false when it was not active. */
  end(bindingId: string, state: Exclude<BindingState, 'active'>, reason: string, now: Date): Promise<boolean>;
  /** Ends bindings past their expiry; returns the ended ones. */
  expireDue(now: Date, limit: number): Promise<RelayBinding[]>;
  /** Revokes every active binding of a person (restriction, erasure); returns the revoked ones. */
  revokeForPerson(personId: string, reason: string, now: Date): Promise<RelayBinding[]>;
  revokeForCase(ref: CaseRef, reason: string, now: Date): Promise<RelayBinding[]>;
  /** Quarantined counts only numbers still in quarantine at `now`. */
  usage(now: Date): Promise<PoolUsage>;
  /**
   * Revokes active bindings created before `createdBefore` that have no `relay.create` audit record
   * in `chain`, so were never disclosed. A binding now commits with its record; this catches those
   * of earlier versions, which committed the two apart, and any written outside the service.
   */
  revokeUnaudited(chain: string, createdBefore: Date, now: Date): Promise<RelayBinding[]>;
}
