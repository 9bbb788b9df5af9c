import type { SubjectReport } from '../../contracts/api/subjects.v1.js';
import type { AuditRecord } from '../audit/audit-entry.js';
import type { SubjectHoldings } from './subject-holdings.js';
import type { SourceCatalog } from './source-catalog.js';

type ReportedRecord = SubjectReport['records'][number];

/**
 * The subject access report: what is held, on which legal basis and for how long, who it was
 * disclosed to in the service's own terms (cases, relay bindings) and every decision taken about
 * the subject. Third parties appear only as counts; national ids only as country and type.
 */
export function subjectReportOf(holdings: SubjectHoldings, decisions: AuditRecord[], sources: SourceCatalog, now: Date): SubjectReport {
  return {
    personId: holdings.personId,
    generatedAt: now.toISOString(),
    reachability: holdings.reachability,
    records: holdings.records.map((r) => {
      const source = sources.get(r.sourceId);
      return {
        sourceId: r.sourceId,
        sourceName: source?.name ?? null,
        sourceRecordId: r.sourceRecordId,
        legalBasis: r.legalBasis ?? source?.legalBasis ?? null,
        retentionDays: source?.retentionDays ?? null,
        observedAt: r.observedAt,
        retracted: r.retracted,
        names: r.names as ReportedRecord['names'],
        birthDate: r.birthDate,
        phones: r.phones.map((p) => ({ number: p.e164, status: p.status, lastSeenAt: p.lastSeenAt })),
        emails: r.emails,
        addresses: r.addresses as ReportedRecord['addresses'],
        employer: r.employer,
        nationalIds: r.nationalIds,
        thirdPartyRelations: r.thirdPartiesByKind,
      };
    }),
    contacts: holdings.contacts,
    restrictions: holdings.restrictions,
    cases: holdings.cases,
    relayBindings: holdings.bindings.map(({ id, ...rest }) => ({ bindingId: id, ...rest })),
    decisions: [...decisions].sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq).map(decisionOf),
  };
}

/** Which staff member acted is the controller's business; the subject learns role and creditor. */
function decisionOf(r: AuditRecord): SubjectReport['decisions'][number] {
  return {
    seq: r.seq,
    at: r.at,
    action: r.action,
    outcome: r.outcome,
    reason: r.reason ?? null,
    actor: { role: r.actor.role, creditor: r.actor.creditor ?? null },
    caseId: r.resources?.caseId ?? null,
    creditor: r.resources?.creditor ?? null,
    bindingId: r.resources?.bindingId ?? null,
    callId: r.resources?.callId ?? null,
    purpose: r.purpose ?? null,
    legalBasis: r.legalBasis ?? null,
  };
}
