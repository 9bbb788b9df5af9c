/**
 * Who did something. Roles come from a verified token (or are the service's own `system` and an
 * ingest `source`); a collector always acts for exactly one creditor, its tenant.
 */
export const ROLES = ['collector', 'telephony', 'privacy_officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  /** The token's `sub`, a source id, or `recontact` for the service itself. */
  subject: string;
  role: Role | 'system' | 'source' | 'anonymous';
  /** Set for collectors (their tenant) and for telephony acting on a creditor's line. */
  creditor?: string;
}

export const SYSTEM_ACTOR: Actor = { subject: 'recontact', role: 'system' };
