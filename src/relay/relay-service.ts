import { randomUUID } from 'node:crypto';
import type { RequestRelay } from '../../contracts/api/relays.v1.js';
import type { AuditEntry, AuditLog } from '../audit/audit-entry.js';
import { callRequestOf, type PolicySettings } from './call-request.js';
import type { CollectorCall } from './case-service.js';
import type { ContactContext, ContactContextReader } from './contact-context.js';
import { evaluateRelayRequest } from './policy/evaluate-relay-request.js';
import type { PolicyDecision } from './policy/call-policy.js';
import {
  BindingNotFoundError,
  CaseClosedError,
  CaseNotFoundError,
  ContactLimitReachedError,
  ContactRestrictedError,
  NoReachableContactError,
  RelayPoolExhaustedError,
} from './relay-errors.js';
import type { AllocationResult, NewBinding, RelayBinding, RelayStore } from './relay-store.js';

export interface RelayServiceDeps {
  contexts: ContactContextReader;
  relays: RelayStore;
  audit: AuditLog;
  policy: PolicySettings;
  ttl: { defaultMs: number; maxMs: number };
  clock: () => Date;
}

type Refusal = { reason: string; error: Error; details?: Record<string, string | number | boolean> };

/**
 * Issues masked relay numbers. A binding is refused, with the rule that decided, when the case is
 * unknown or closed, the debtor is restricted, no own contact is firmly reachable, or a frequency
 * cap is reached. A binding commits in one transaction with its audit record, so it is disclosed
 * only with that record durable; if the audit store fails, nothing is bound and the request fails
 * closed.
 */
export class RelayService {
  constructor(private readonly deps: RelayServiceDeps) {}

  async request(call: CollectorCall, caseId: string, body: RequestRelay): Promise<{ created: boolean; binding: RelayBinding }> {
    const ref = { creditor: call.actor.creditor, caseId };
    const now = this.deps.clock();
    const context = await this.deps.contexts.forCase(ref, now);
    const refusal = context === undefined ? { reason: 'CASE_NOT_FOUND', error: new CaseNotFoundError() } : this.refusalOf(context, now);
    if (refusal !== undefined) {
      await this.auditRefusal(call, caseId, body.purpose, refusal, context?.personId ?? null);
      throw refusal.error;
    }
    const personId = context!.personId!;
    const ttlMs = Math.min(body.ttlSeconds === undefined ? this.deps.ttl.defaultMs : body.ttlSeconds * 1000, this.deps.ttl.maxMs);
    const request = { id: randomUUID(), case: ref, personId, purpose: body.purpose, now, expiresAt: new Date(now.getTime() + ttlMs) };
    const allocation = await this.deps.relays.allocate(request, (result) => this.allocationEntry(call, request, result));
    if (allocation.outcome === 'exhausted') throw new RelayPoolExhaustedError();
    return { created: allocation.outcome === 'created', binding: allocation.binding };
  }

  async end(call: CollectorCall, bindingId: string): Promise<void> {
    const binding = await this.deps.relays.findBinding(call.actor.creditor, bindingId);
    const resources = { creditor: call.actor.creditor, bindingId };
    if (binding === undefined) {
      await this.deps.audit.append({ action: 'relay.end', actor: call.actor, outcome: 'denied', reason: 'BINDING_NOT_FOUND', resources, requestId: call.requestId });
      throw new BindingNotFoundError();
    }
    const ended = await this.deps.relays.end(bindingId, 'released', 'CREDITOR_RELEASED', this.deps.clock());
    await this.deps.audit.append({
      action: 'relay.end',
      actor: call.actor,
      outcome: 'allowed',
      reason: ended ? 'RELEASED' : 'ALREADY_ENDED',
      resources: { ...resources, caseId: binding.caseId, personId: binding.personId, relayNumber: binding.relayNumber },
      requestId: call.requestId,
    });
  }

  private refusalOf(context: ContactContext, now: Date): Refusal | undefined {
    if (context.caseState === 'closed') return { reason: 'CASE_CLOSED', error: new CaseClosedError() };
    const restriction = context.erased ? 'erased' : context.restrictions[0];
    if (context.best === null || context.personId === null) {
      return restriction === undefined
        ? { reason: 'NO_REACHABLE_CONTACT', error: new NoReachableContactError() }
        : { reason: `RESTRICTED_${restriction.toUpperCase()}`, error: new ContactRestrictedError() };
    }
    const decision = evaluateRelayRequest(callRequestOf({ ...context, best: context.best }, 'outbound', this.deps.policy, now));
    return decision.allow ? undefined : refusalFor(decision, now);
  }

  private async auditRefusal(call: CollectorCall, caseId: string, purpose: string, refusal: Refusal, personId: string | null) {
    await this.deps.audit.append({
      action: 'relay.create',
      actor: call.actor,
      outcome: 'denied',
      reason: refusal.reason,
      resources: { creditor: call.actor.creditor, caseId, ...(personId ? { personId } : {}) },
      purpose,
      requestId: call.requestId,
      ...(refusal.details ? { details: refusal.details } : {}),
    });
  }

  /** What the allocation did, for the audit record committed with it. */
  private allocationEntry(call: CollectorCall, request: NewBinding, result: AllocationResult): AuditEntry {
    const resources = { creditor: request.case.creditor, caseId: request.case.caseId, personId: request.personId };
    const common = { action: 'relay.create', actor: call.actor, purpose: request.purpose, requestId: call.requestId };
    if (result.outcome === 'exhausted') return { ...common, outcome: 'denied', reason: 'RELAY_POOL_EXHAUSTED', resources };
    return {
      ...common,
      outcome: 'allowed',
      reason: result.outcome === 'created' ? 'BOUND' : 'ACTIVE_BINDING_RETURNED',
      resources: { ...resources, bindingId: result.binding.id, relayNumber: result.binding.relayNumber },
    };
  }
}

function refusalFor(decision: Exclude<PolicyDecision, { allow: true }>, now: Date): Refusal {
  const base = { reason: decision.rule, details: decision.details };
  switch (decision.kind) {
    case 'restricted':
      return { ...base, error: new ContactRestrictedError() };
    case 'limit': {
      const retryAfter = decision.retryAt === undefined ? undefined : Math.max(1, Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000));
      return { ...base, error: new ContactLimitReachedError(retryAfter) };
    }
    default:
      return { ...base, error: new NoReachableContactError() };
  }
}
