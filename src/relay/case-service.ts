import type { CaseStatus, RegisterCaseRequest } from '../../contracts/api/cases.v1.js';
import type { Actor } from '../actor.js';
import type { AuditLog } from '../audit/audit-entry.js';
import { ValidationError } from '../errors.js';
import type { CaseRef, CaseState, CaseStore } from './case-store.js';
import { debtorRecord } from './debtor-record.js';
import { matchConfidence } from './match-debtor.js';
import { CaseNotFoundError } from './relay-errors.js';
import type { RelayStore } from './relay-store.js';
import { caseKey } from './case-store.js';

export interface CaseServiceDeps {
  cases: CaseStore;
  relays: RelayStore;
  audit: AuditLog;
  fingerprintKey: Buffer;
  clock: () => Date;
}

/** The collector's view of a case request: who asks (always one creditor) and for which request. */
export interface CollectorCall {
  actor: Actor & { creditor: string };
  requestId: string;
}

/**
 * Creditors register the cases they collect and read back only a status: whether the debtor is
 * found and reachable, how sure the match is, when contacts last changed. Every read and write is
 * audited before it is answered.
 */
export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  async register(call: CollectorCall, request: RegisterCaseRequest): Promise<{ created: boolean; status: CaseStatus }> {
    const ref = { creditor: call.actor.creditor, caseId: request.caseId };
    const now = this.deps.clock();
    let debtor;
    try {
      debtor = debtorRecord(caseKey(ref), ref.creditor, request.debtor, { fingerprintKey: this.deps.fingerprintKey, now });
    } catch (error) {
      if (error instanceof ValidationError) await this.audit(call, 'case.register', ref, 'denied', error.code);
      throw error;
    }
    const { created, match } = await this.deps.cases.register(ref, debtor, now);
    const state = await this.deps.cases.find(ref);
    if (state === undefined) throw new Error('a case just registered could not be read back');
    await this.audit(call, 'case.register', ref, 'allowed', match.matched ? 'MATCHED' : match.reason, state.personId);
    return { created, status: caseStatusOf(state) };
  }

  async status(call: CollectorCall, caseId: string): Promise<CaseStatus> {
    const { ref, state } = await this.ownCase(call, caseId, 'case.read');
    await this.audit(call, 'case.read', ref, 'allowed', undefined, state.personId);
    return caseStatusOf(state);
  }

  /** Closing a case (paid, written off, sold) ends its relay at once. */
  async close(call: CollectorCall, caseId: string): Promise<void> {
    const { ref, state } = await this.ownCase(call, caseId, 'case.close');
    const now = this.deps.clock();
    await this.deps.cases.close(ref, now);
    const revoked = await this.deps.relays.revokeForCase(ref, 'CASE_CLOSED', now);
    await this.audit(call, 'case.close', ref, 'allowed', undefined, state.personId, { bindingsRevoked: revoked.length });
  }

  /** The caller's own case; any other is audited as a denial and answered exactly like a missing one. */
  private async ownCase(call: CollectorCall, caseId: string, action: string): Promise<{ ref: CaseRef; state: CaseState }> {
    const ref = { creditor: call.actor.creditor, caseId };
    const state = await this.deps.cases.find(ref);
    if (state === undefined) {
      await this.audit(call, action, ref, 'denied', 'CASE_NOT_FOUND');
      throw new CaseNotFoundError();
    }
    return { ref, state };
  }

  private async audit(
    call: CollectorCall,
    action: string,
    ref: CaseRef,
    outcome: 'allowed' | 'denied',
    reason?: string,
    personId?: string | null,
    details?: Record<string, number>,
  ): Promise<void> {
    await this.deps.audit.append({
      action,
      actor: call.actor,
      outcome,
      ...(reason === undefined ? {} : { reason }),
      resources: { creditor: ref.creditor, caseId: ref.caseId, ...(personId ? { personId } : {}) },
      requestId: call.requestId,
      ...(details ? { details } : {}),
    });
  }
}

export function caseStatusOf(state: CaseState): CaseStatus {
  const matched = state.personId !== null;
  return {
    caseId: state.caseId,
    status: state.state,
    reachability: matched ? (state.reachability ?? 'unreachable') : 'unmatched',
    confidence: matched && state.matchScore !== null ? matchConfidence(state.matchScore) : null,
    lastRefreshedAt: matched ? state.lastRefreshedAt : null,
    registeredAt: state.registeredAt,
  };
}
