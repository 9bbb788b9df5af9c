import type { RouteCallRequest, RouteDecision } from '../../contracts/api/telephony.v1.js';
import type { Actor } from '../actor.js';
import type { AuditEntry, AuditLog } from '../audit/audit-entry.js';
import type { Logger } from '../platform/logger.js';
import { withTimeout } from '../platform/with-timeout.js';
import { phoneE164 } from '../resolve/normalize/phone.js';
import type { CallDecisionStore, StoredCallDecision } from './call-decision-store.js';
import { callRequestOf, inboundCallRequest, type PolicySettings } from './call-request.js';
import type { ContactContextReader } from './contact-context.js';
import { evaluateCall } from './policy/evaluate-call.js';

/** Played to anyone the relay will not connect: it names no creditor and no debt. */
export const NEUTRAL_ANNOUNCEMENT = 'The number you have dialled is not available. Please check the number and try again.';
/** Played to a creditor's own agent when policy holds a call back; it names no rule of another creditor. */
export const POLICY_ANNOUNCEMENT = 'This call cannot be connected now under the contact rules that apply. Please try again later.';

export interface TelephonyRouterDeps {
  decisions: CallDecisionStore;
  contexts: ContactContextReader;
  audit: AuditLog;
  policy: PolicySettings;
  fingerprint: (kind: string, value: string) => string;
  clock: () => Date;
  log: Logger;
  /** A routing answer must come fast; past this the call is rejected. */
  timeoutMs: number;
}

type Draft = Omit<StoredCallDecision, 'callId' | 'atMs'> & { rule: string; details?: AuditEntry['details'] };

/**
 * Decides, per call, whether a relay number connects and where to. Creditor → debtor only from the
 * creditor's registered lines and only when the policy allows; debtor → relay always reaches the
 * creditor; anything else, and any error or timeout, is a rejection. Decisions are stored per call
 * id so a carrier's retried webhook gets the same answer, each in one transaction with its audit
 * record, which names the rule that decided.
 */
export class TelephonyRouter {
  constructor(private readonly deps: TelephonyRouterDeps) {}

  async route(actor: Actor, request: RouteCallRequest, requestId: string): Promise<RouteDecision> {
    const now = this.deps.clock();
    const caller = phoneE164(request.from);
    const from = caller.ok ? caller.value : undefined;
    let draft: Draft;
    try {
      const decided = await withTimeout(this.decide(request, from, now), this.deps.timeoutMs, 'call routing');
      if ('previous' in decided) return toRouteDecision(decided.previous);
      draft = decided;
    } catch (error) {
      this.deps.log.warn({ err: error, callId: request.callId }, 'routing failed; rejecting the call');
      draft = reject('ROUTING_UNAVAILABLE', NEUTRAL_ANNOUNCEMENT);
    }
    try {
      const decision = { ...withoutAuditFields(draft), callId: request.callId, atMs: now.getTime() };
      return toRouteDecision(await this.deps.decisions.save(decision, this.auditEntry(actor, request, from, draft, requestId)));
    } catch (error) {
      // Unaudited or unrecorded, a connection must not happen: fail closed.
      this.deps.log.warn({ err: error, callId: request.callId }, 'could not record the routing decision; rejecting the call');
      return { action: 'reject', reason: 'ROUTING_UNAVAILABLE', announcement: NEUTRAL_ANNOUNCEMENT, callId: request.callId };
    }
  }

  async recordOutcome(actor: Actor, callId: string, answered: boolean, endedAt: Date, requestId: string): Promise<boolean> {
    const decision = await this.deps.decisions.recordOutcome(callId, answered, endedAt);
    await this.deps.audit.append({
      action: 'telephony.outcome',
      actor,
      outcome: decision === undefined ? 'denied' : 'allowed',
      reason: decision === undefined ? 'CALL_NOT_FOUND' : answered ? 'CONVERSATION' : 'NOT_ANSWERED',
      resources: {
        callId,
        ...(decision?.bindingId ? { bindingId: decision.bindingId } : {}),
        ...(decision?.caseId ? { caseId: decision.caseId } : {}),
        ...(decision?.creditor ? { creditor: decision.creditor } : {}),
        ...(decision?.personId ? { personId: decision.personId } : {}),
      },
      requestId,
    });
    return decision !== undefined;
  }

  /** One read of the graph; a retried webhook gets the decision already stored for its call id. */
  private async decide(request: RouteCallRequest, from: string | undefined, now: Date): Promise<Draft | { previous: StoredCallDecision }> {
    if (from === undefined) return reject('CALLER_UNKNOWN', NEUTRAL_ANNOUNCEMENT);
    const { previous, binding, context } = await this.deps.contexts.forCall(
      { relayNumber: request.relayNumber, callId: request.callId, from },
      now,
    );
    if (previous !== undefined) return { previous };
    if (binding === undefined) return reject('RELAY_NOT_ACTIVE', NEUTRAL_ANNOUNCEMENT);
    const ids = { bindingId: binding.bindingId, caseId: binding.caseId, creditor: binding.creditor, personId: binding.personId };
    if (context === undefined || context.personId !== binding.personId) return { ...reject('CASE_NOT_ROUTABLE', NEUTRAL_ANNOUNCEMENT), ...ids };

    if (context.fromCreditorLine) {
      if (context.best === null) return { ...reject('NO_REACHABLE_CONTACT', POLICY_ANNOUNCEMENT), ...ids, direction: 'outbound' };
      const decision = evaluateCall(callRequestOf({ ...context, best: context.best }, 'outbound', this.deps.policy, now));
      if (!decision.allow) return { ...reject(decision.rule, POLICY_ANNOUNCEMENT), ...ids, direction: 'outbound', details: decision.details };
      return { ...connect(context.best.e164, decision.rule), ...ids, direction: 'outbound', fromNumber: from };
    }
    if (context.fromDebtor) {
      const decision = evaluateCall(inboundCallRequest(context, this.deps.policy, now));
      if (!decision.allow) return { ...reject(decision.rule, NEUTRAL_ANNOUNCEMENT), ...ids, direction: 'inbound', details: decision.details };
      const line = (await this.deps.decisions.lastOutboundLine(binding.bindingId)) ?? context.creditorLines[0];
      if (line === undefined) return { ...reject('NO_CREDITOR_LINE', NEUTRAL_ANNOUNCEMENT), ...ids, direction: 'inbound' };
      return { ...connect(line, decision.rule), ...ids, direction: 'inbound' };
    }
    return { ...reject('CALLER_NOT_PERMITTED', NEUTRAL_ANNOUNCEMENT), ...ids };
  }

  private auditEntry(actor: Actor, request: RouteCallRequest, from: string | undefined, draft: Draft, requestId: string): AuditEntry {
    return {
      action: 'telephony.route',
      actor,
      outcome: draft.action === 'connect' ? 'allowed' : 'denied',
      reason: draft.rule,
      resources: {
        relayNumber: request.relayNumber,
        callId: request.callId,
        ...(draft.bindingId ? { bindingId: draft.bindingId } : {}),
        ...(draft.caseId ? { caseId: draft.caseId } : {}),
        ...(draft.creditor ? { creditor: draft.creditor } : {}),
        ...(draft.personId ? { personId: draft.personId } : {}),
      },
      // Real numbers only as keyed fingerprints: an auditor holding a number can still find its calls.
      fingerprints: {
        from: this.deps.fingerprint('phone', from ?? request.from),
        ...(draft.to ? { to: this.deps.fingerprint('phone', draft.to) } : {}),
      },
      ...(draft.direction ? { details: { direction: draft.direction, ...(draft.details ?? {}) } } : draft.details ? { details: draft.details } : {}),
      requestId,
    };
  }
}

const EMPTY = { to: null, direction: null, bindingId: null, caseId: null, creditor: null, personId: null, fromNumber: null } as const;

function reject(rule: string, announcement: string): Draft {
  return { ...EMPTY, action: 'reject', reason: rule, rule, announcement };
}

function connect(to: string, rule: string): Draft {
  return { ...EMPTY, action: 'connect', to, reason: rule, rule, announcement: null };
}

function withoutAuditFields(draft: Draft): Omit<StoredCallDecision, 'callId' | 'atMs'> {
  const stored: Partial<Draft> = { ...draft };
  delete stored.rule;
  delete stored.details;
  return stored as Omit<StoredCallDecision, 'callId' | 'atMs'>;
}

function toRouteDecision(d: StoredCallDecision): RouteDecision {
  return d.action === 'connect' && d.to !== null
    ? { action: 'connect', to: d.to, callId: d.callId }
    : { action: 'reject', reason: d.reason, announcement: d.announcement ?? NEUTRAL_ANNOUNCEMENT, callId: d.callId };
}
