/** What the officer typed into the audit search form; every value is raw form text. */
export interface AuditSearchInput {
  personId: string;
  caseId: string;
  actor: string;
  creditor: string;
  action: string;
  outcome: string;
  /** `datetime-local` text (local time, no offset) or an ISO 8601 instant. */
  from: string;
  to: string;
  limit: string;
}

export const DEFAULT_PAGE_SIZE = 50;

const PASSED_AS_IS = ['personId', 'caseId', 'actor', 'creditor', 'action', 'outcome'] as const;

/**
 * The query string for GET /v1/audit. Empty fields are left out rather than sent empty, which the
 * API would refuse; times become ISO instants with an offset because the API requires one, and a
 * `datetime-local` value means the officer's own local time.
 */
export function auditQueryString(input: AuditSearchInput, after?: number): string {
  const params = new URLSearchParams();
  for (const name of PASSED_AS_IS) {
    const value = input[name].trim();
    if (value !== '') params.set(name, value);
  }
  for (const name of ['from', 'to'] as const) {
    const instant = toInstant(input[name]);
    if (instant !== undefined) params.set(name, instant);
  }
  params.set('limit', String(pageSize(input.limit)));
  if (after !== undefined) params.set('after', String(after));
  return params.toString();
}

function pageSize(raw: string): number {
  const n = Number.parseInt(raw.trim(), 10);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : DEFAULT_PAGE_SIZE;
}

/** An unparseable time is sent as typed, so the API's 400 names the field instead of it vanishing. */
function toInstant(raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}
