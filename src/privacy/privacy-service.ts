import type { ErasureReceipt, RestrictionReason, SubjectReport, SubjectRestrictions } from '../../contracts/api/subjects.v1.js';
import type { Actor } from '../actor.js';
import type { AuditEntry, AuditLog, AuditRecord } from '../audit/audit-entry.js';
import { DependencyUnavailableError } from '../errors.js';
import type { RelayBinding, RelayStore } from '../relay/relay-store.js';
import { recordFingerprint } from '../resolve/record-fingerprint.js';
import { SubjectNotFoundError } from './privacy-errors.js';
import type { SourceCatalog } from './source-catalog.js';
import { subjectReportOf } from './subject-report.js';
import type { ErasedRecord, ErasureTombstone, SubjectStore } from './subject-store.js';

export interface PrivacyServiceDeps {
  subjects: SubjectStore;
  relays: Pick<RelayStore, 'revokeForPerson'>;
  audit: AuditLog;
  /** Every audit record about a person, for their subject access report. */
  auditFor: (personId: string) => Promise<AuditRecord[]>;
  sources: SourceCatalog;
  /** The ingest identifier key: tombstones must match what ingest computes for the same record. */
  identifierKey: Buffer;
  clock: () => Date;
}

/** A privacy officer's request. */
export interface OfficerCall {
  actor: Actor;
  requestId: string;
}

/**
 * Data-subject rights for privacy officers: restriction, erasure and access. Nothing is disclosed
 * or lifted unless its audit record is durable first; protective steps (placing a restriction,
 * revoking relay bindings) come before their audit record, so an audit outage never delays them.
 */
export class PrivacyService {
  constructor(private readonly deps: PrivacyServiceDeps) {}

  async restrict(call: OfficerCall, personId: string, request: { reason: RestrictionReason; note?: string | undefined }): Promise<SubjectRestrictions> {
    const now = this.deps.clock();
    const restrictions = await this.deps.subjects.restrict(personId, request.reason, request.note ?? null, now);
    if (restrictions === undefined) return this.notFound(call, 'subject.restrict', personId);
    const revoked = await this.deps.relays.revokeForPerson(personId, 'SUBJECT_RESTRICTED', now);
    await this.auditRevocations(call, revoked, 'SUBJECT_RESTRICTED');
    await this.audit(call, { action: 'subject.restrict', outcome: 'allowed', reason: request.reason, personId, details: { bindingsRevoked: revoked.length } });
    return { personId, restrictions, bindingsRevoked: revoked.length };
  }

  async lift(call: OfficerCall, personId: string, reason: RestrictionReason | undefined): Promise<SubjectRestrictions> {
    if ((await this.deps.subjects.restrictions(personId)) === undefined) return this.notFound(call, 'subject.unrestrict', personId);
    await this.audit(call, { action: 'subject.unrestrict', outcome: 'allowed', reason: reason ?? 'ALL', personId });
    const restrictions = await this.deps.subjects.lift(personId, reason);
    if (restrictions === undefined) throw new SubjectNotFoundError();
    return { personId, restrictions, bindingsRevoked: 0 };
  }

  async erase(call: OfficerCall, personId: string, request: { reason?: string | undefined }): Promise<ErasureReceipt> {
    if ((await this.deps.subjects.restrictions(personId)) === undefined) return this.notFound(call, 'subject.erase', personId);
    const now = this.deps.clock();
    const revoked = await this.deps.relays.revokeForPerson(personId, 'SUBJECT_ERASED', now);
    await this.auditRevocations(call, revoked, 'SUBJECT_ERASED');
    await this.audit(call, {
      action: 'subject.erase',
      outcome: 'allowed',
      reason: 'ERASURE_REQUEST',
      personId,
      ...(request.reason === undefined ? {} : { legalBasis: request.reason }),
      details: { bindingsRevoked: revoked.length },
    });
    const erased = await this.deps.subjects.erase(personId, now, (record) => this.tombstoneOf(record));
    if (erased === undefined) throw new SubjectNotFoundError();
    return {
      personId,
      erasedAt: now.toISOString(),
      recordsErased: erased.records,
      casesMarkedErased: erased.casesMarkedErased,
      bindingsRevoked: revoked.length,
      tombstones: erased.tombstones,
    };
  }

  async report(call: OfficerCall, personId: string): Promise<SubjectReport> {
    const holdings = await this.deps.subjects.holdings(personId);
    if (holdings === undefined) return this.notFound(call, 'subject.report', personId);
    const decisions = await this.deps.auditFor(personId).catch((error: unknown) => {
      throw asUnavailable(error);
    });
    const report = subjectReportOf(holdings, decisions, this.deps.sources, this.deps.clock());
    await this.audit(call, {
      action: 'subject.report',
      outcome: 'allowed',
      personId,
      details: { records: report.records.length, decisions: report.decisions.length },
    });
    return report;
  }

  /** The basis in force is the one the record's source named for it, else the source's registered one. */
  private tombstoneOf(record: ErasedRecord): ErasureTombstone {
    return {
      fingerprint: recordFingerprint(this.deps.identifierKey, record.key),
      sourceId: record.sourceId,
      legalBasis: record.legalBasis ?? this.deps.sources.get(record.sourceId)?.legalBasis ?? UNREGISTERED_SOURCE_BASIS,
    };
  }

  private async auditRevocations(call: OfficerCall, revoked: RelayBinding[], reason: string): Promise<void> {
    for (const b of revoked) {
      await this.append({
        action: 'relay.revoke',
        actor: call.actor,
        outcome: 'allowed',
        reason,
        resources: { personId: b.personId, creditor: b.creditor, caseId: b.caseId, bindingId: b.id, relayNumber: b.relayNumber },
        requestId: call.requestId,
      });
    }
  }

  private async notFound(call: OfficerCall, action: string, personId: string): Promise<never> {
    await this.audit(call, { action, outcome: 'denied', reason: 'SUBJECT_NOT_FOUND', personId });
    throw new SubjectNotFoundError();
  }

  private audit(
    call: OfficerCall,
    entry: Pick<AuditEntry, 'action' | 'outcome' | 'reason' | 'legalBasis' | 'details'> & { personId: string },
  ): Promise<void> {
    const { personId, ...rest } = entry;
    return this.append({ ...rest, actor: call.actor, resources: { personId }, requestId: call.requestId });
  }

  /** Fail closed: whatever stops the audit log, the request answers 503 rather than go unrecorded. */
  private async append(entry: AuditEntry): Promise<void> {
    try {
      await this.deps.audit.append(entry);
    } catch (error) {
      throw asUnavailable(error);
    }
  }
}

/** Only for a record whose source has since left the registry: no event of it is accepted anyway. */
const UNREGISTERED_SOURCE_BASIS = 'source no longer registered';

function asUnavailable(error: unknown): DependencyUnavailableError {
  return error instanceof DependencyUnavailableError ? error : new DependencyUnavailableError('audit log', error);
}
