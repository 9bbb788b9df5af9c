import type { SubjectRestriction } from './subject-store.js';

/** One record as stored: the subject's own data, third parties only as counts. */
export interface HeldRecord {
  key: string;
  sourceId: string;
  sourceRecordId: string;
  legalBasis: string | null;
  observedAt: string | null;
  retracted: boolean;
  names: unknown[];
  birthDate: string | null;
  addresses: unknown[];
  employer: string | null;
  phones: { e164: string; status: string; lastSeenAt: string | null }[];
  emails: { address: string; lastSeenAt: string | null; verified: boolean | null }[];
  /** Country and type only: the value is held as a keyed HMAC and is never read back. */
  nationalIds: { country: string; type: string }[];
  thirdPartiesByKind: Record<string, number>;
}

export interface HeldContact {
  rank: number;
  kind: 'phone' | 'email';
  value: string;
  status: string | null;
  reachable: boolean;
  verified: boolean | null;
  lastSeenAt: string | null;
  best: boolean;
}

export interface HeldCase {
  creditor: string;
  caseId: string;
  registeredAt: string | null;
  state: string | null;
}

export interface HeldBinding {
  id: string;
  creditor: string;
  caseId: string;
  relayNumber: string;
  state: string;
  createdAt: string;
  expiresAt: string;
  endedAt: string | null;
  endReason: string | null;
}

/** What the graph holds about one person, read in one transaction for a subject access report. */
export interface SubjectHoldings {
  personId: string;
  reachability: string | null;
  records: HeldRecord[];
  contacts: HeldContact[];
  restrictions: SubjectRestriction[];
  cases: HeldCase[];
  bindings: HeldBinding[];
}
