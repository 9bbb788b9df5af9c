import type { Role } from '../../src/actor.js';

/** One HTTP operation as published: the table both the OpenAPI document and the tests read. */
export interface RouteSpec {
  method: 'get' | 'post' | 'delete';
  /** OpenAPI path template, e.g. `/v1/cases/{caseId}`. */
  path: string;
  operationId: string;
  summary: string;
  /** Who may call it; everyone else gets 401 (no valid token) or 403 (wrong role). */
  roles: readonly Role[];
  tag: 'cases' | 'relays' | 'telephony' | 'creditors' | 'audit' | 'subjects';
  pathParams?: Record<string, string>;
  query?: Record<string, { schema: string; description: string }>;
  /** Component schema id of the JSON body, if any. */
  body?: string;
  /** Status → component schema id (`null` for an empty body). */
  responses: Record<number, string | null>;
  /** Problem `code`s this route may answer with, beyond auth, validation and rate limiting. */
  errors: Record<number, string[]>;
}

const AUDIT_QUERY: NonNullable<RouteSpec['query']> = {
  personId: { schema: 'string', description: 'Records about this person' },
  caseId: { schema: 'string', description: 'Records about this case' },
  actor: { schema: 'string', description: 'Records by this acting subject' },
  creditor: { schema: 'string', description: 'Records about this creditor' },
  action: { schema: 'string', description: 'A dotted action such as relay.create' },
  outcome: { schema: 'string', description: 'allowed, denied or failed' },
  from: { schema: 'string', description: 'ISO 8601 instant, inclusive' },
  to: { schema: 'string', description: 'ISO 8601 instant, exclusive' },
  after: { schema: 'integer', description: 'nextCursor of the previous page' },
  limit: { schema: 'integer', description: 'Page size, at most 500 (default 100)' },
};

export const API_ROUTES: RouteSpec[] = [
  {
    method: 'get',
    path: '/v1/audit',
    operationId: 'queryAudit',
    summary: 'Search the audit log, newest first; the search itself is audited',
    roles: ['privacy_officer'],
    tag: 'audit',
    query: AUDIT_QUERY,
    responses: { 200: 'AuditPage' },
    errors: {},
  },
  {
    method: 'get',
    path: '/v1/audit/verify',
    operationId: 'verifyAudit',
    summary: 'Check every record and signed checkpoint in a seq range; reports the first broken position',
    roles: ['privacy_officer', 'admin'],
    tag: 'audit',
    query: {
      from: { schema: 'integer', description: 'First seq to check' },
      to: { schema: 'integer', description: 'Last seq to check' },
    },
    responses: { 200: 'AuditVerification' },
    errors: {},
  },
  {
    method: 'post',
    path: '/v1/cases',
    operationId: 'registerCase',
    summary: 'Register (or re-register) a case and its debtor\'s identifiers; answers the case status only',
    roles: ['collector'],
    tag: 'cases',
    body: 'RegisterCaseRequest',
    responses: { 201: 'CaseStatus', 200: 'CaseStatus' },
    errors: {},
  },
  {
    method: 'get',
    path: '/v1/cases/{caseId}',
    operationId: 'getCase',
    summary: 'Reachability, match confidence and last refresh of one of your cases; never a number',
    roles: ['collector'],
    tag: 'cases',
    pathParams: { caseId: 'CaseId' },
    responses: { 200: 'CaseStatus' },
    errors: { 404: ['CASE_NOT_FOUND'] },
  },
  {
    method: 'delete',
    path: '/v1/cases/{caseId}',
    operationId: 'closeCase',
    summary: 'Close a case (paid, settled, sold); its relay binding ends at once',
    roles: ['collector'],
    tag: 'cases',
    pathParams: { caseId: 'CaseId' },
    responses: { 204: null },
    errors: { 404: ['CASE_NOT_FOUND'] },
  },
  {
    method: 'post',
    path: '/v1/cases/{caseId}/relay',
    operationId: 'requestRelay',
    summary: 'Get a masked relay number for the debtor of a case (returns the active one if any)',
    roles: ['collector'],
    tag: 'relays',
    pathParams: { caseId: 'CaseId' },
    body: 'RequestRelay',
    responses: { 201: 'RelayBinding', 200: 'RelayBinding' },
    errors: {
      404: ['CASE_NOT_FOUND'],
      409: ['NO_REACHABLE_CONTACT', 'CASE_CLOSED'],
      423: ['CONTACT_RESTRICTED'],
      429: ['CONTACT_LIMIT_REACHED'],
      503: ['RELAY_POOL_EXHAUSTED'],
    },
  },
  {
    method: 'delete',
    path: '/v1/relays/{bindingId}',
    operationId: 'endRelay',
    summary: 'End a relay binding early; its number goes into quarantine',
    roles: ['collector'],
    tag: 'relays',
    pathParams: { bindingId: 'BindingId' },
    responses: { 204: null },
    errors: { 404: ['BINDING_NOT_FOUND'] },
  },
  {
    method: 'post',
    path: '/v1/telephony/route',
    operationId: 'routeCall',
    summary: 'Decide a call to a relay number: connect (with the real destination) or reject',
    roles: ['telephony'],
    tag: 'telephony',
    body: 'RouteCallRequest',
    responses: { 200: 'RouteDecision' },
    errors: {},
  },
  {
    method: 'post',
    path: '/v1/telephony/calls/{callId}/outcome',
    operationId: 'recordCallOutcome',
    summary: 'Report whether a connected call was answered (a conversation, for frequency rules)',
    roles: ['telephony'],
    tag: 'telephony',
    pathParams: { callId: 'CallId' },
    body: 'CallOutcomeRequest',
    responses: { 204: null },
    errors: { 404: ['CALL_NOT_FOUND'] },
  },
  {
    method: 'post',
    path: '/v1/creditors/{creditorId}/lines',
    operationId: 'registerCreditorLine',
    summary: 'Register a creditor\'s outbound line; only these may call debtors through relays',
    roles: ['admin'],
    tag: 'creditors',
    pathParams: { creditorId: 'CreditorId' },
    body: 'RegisterLineRequest',
    responses: { 201: 'CreditorLine', 200: 'CreditorLine' },
    errors: { 409: ['LINE_IS_RELAY_NUMBER'] },
  },
  {
    method: 'get',
    path: '/v1/creditors/{creditorId}/lines',
    operationId: 'listCreditorLines',
    summary: 'List a creditor\'s registered lines',
    roles: ['admin'],
    tag: 'creditors',
    pathParams: { creditorId: 'CreditorId' },
    responses: { 200: 'CreditorLineList' },
    errors: {},
  },
  {
    method: 'post',
    path: '/v1/subjects/{personId}/restrict',
    operationId: 'restrictSubject',
    summary: 'Restrict contact with a data subject (cease communication, attorney, dispute, deceased); active relay bindings end at once',
    roles: ['privacy_officer'],
    tag: 'subjects',
    pathParams: { personId: 'PersonId' },
    body: 'RestrictSubjectRequest',
    responses: { 200: 'SubjectRestrictions' },
    errors: { 404: ['SUBJECT_NOT_FOUND'] },
  },
  {
    method: 'delete',
    path: '/v1/subjects/{personId}/restrict',
    operationId: 'liftSubjectRestriction',
    summary: 'Lift one restriction of a data subject (?reason=), or all of them',
    roles: ['privacy_officer'],
    tag: 'subjects',
    pathParams: { personId: 'PersonId' },
    query: { reason: { schema: 'string', description: 'cease_communication, attorney, dispute or deceased; all when absent' } },
    responses: { 200: 'SubjectRestrictions' },
    errors: { 404: ['SUBJECT_NOT_FOUND'] },
  },
  {
    method: 'post',
    path: '/v1/subjects/{personId}/erase',
    operationId: 'eraseSubject',
    summary: 'Erase a data subject\'s personal data; cases keep their reference, marked erased; re-ingestion needs a new legal basis',
    roles: ['privacy_officer'],
    tag: 'subjects',
    pathParams: { personId: 'PersonId' },
    body: 'EraseSubjectRequest',
    responses: { 200: 'ErasureReceipt' },
    errors: { 404: ['SUBJECT_NOT_FOUND'] },
  },
  {
    method: 'get',
    path: '/v1/subjects/{personId}/report',
    operationId: 'getSubjectReport',
    summary: 'Subject access report: data held with legal bases and retention, cases, relay bindings and every decision about the subject',
    roles: ['privacy_officer'],
    tag: 'subjects',
    pathParams: { personId: 'PersonId' },
    responses: { 200: 'SubjectReport' },
    errors: { 404: ['SUBJECT_NOT_FOUND'] },
  },
];
