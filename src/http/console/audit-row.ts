import type { AuditRecord } from '../../audit/audit-entry.js';

export const AUDIT_COLUMNS = [
  'Seq',
  'Time',
  'Actor',
  'Role',
  'Creditor',
  'Action',
  'Outcome',
  'Reason',
  'Resources',
] as const;

/**
 * One table row's cell texts. They are rendered as text, never markup: actors, reasons and ids in
 * the log can come from callers, so a subject such as `<img onerror=…>` must show as written.
 */
export function auditRowCells(record: AuditRecord): string[] {
  return [
    String(record.seq),
    record.at,
    record.actor.subject,
    record.actor.role,
    record.resources?.creditor ?? record.actor.creditor ?? '',
    record.action,
    record.outcome,
    record.reason ?? '',
    resourcesText(record.resources),
  ];
}

/** `caseId=C-1 personId=P-9`, creditor left out (it has its own column). */
export function resourcesText(resources: AuditRecord['resources']): string {
  if (resources === undefined) return '';
  return Object.entries(resources)
    .filter(([name, value]) => name !== 'creditor' && value !== undefined && value !== '')
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
}
