/**
 * The compliance policy's contract. Rules are pure functions of these inputs (the clock is an
 * input too), so each can be unit-tested with an injected time across time zones and DST.
 */
export type PolicyProfile = 'CN' | 'US';

export type Restriction = 'cease_communication' | 'attorney' | 'dispute' | 'deceased' | 'erased';

/** Where the debtor probably is, from their best phone and address; all optional. */
export interface DebtorLocation {
  /** ISO 3166-1 alpha-2 of the best phone's country (from its E.164 prefix). */
  phoneCountry?: string;
  /** ISO 3166-1 alpha-2 of the best address's country. */
  addressCountry?: string;
  /** The best address's region as sent by sources: a US state code or name, a CN province. */
  addressRegion?: string;
}

/** One earlier call involving the debtor, on any creditor's case. */
export interface ContactAttempt {
  at: Date;
  caseId: string;
  creditor: string;
  /** outbound = creditor → debtor (an attempt); inbound = debtor → creditor (never an attempt). */
  direction: 'outbound' | 'inbound';
  /** True once telephony reported the call was answered: a conversation. */
  connected: boolean;
}

/** The contact the call would reach, as the graph knows it. Never the number itself. */
export interface ContactTarget {
  /** `own` = the debtor's own contact point; anything else is never routed to. */
  kind: 'own' | 'third_party';
  /** The debtor's record link: only a RESOLVES_TO link may be routed to, never POSSIBLE_MATCH. */
  link: 'RESOLVES_TO' | 'POSSIBLE_MATCH';
  superseded: boolean;
  /** The person's weakest record link score in bits, compared with `minLinkScore`. */
  linkScore: number;
}

export interface CallRequest {
  profile: PolicyProfile;
  now: Date;
  direction: 'outbound' | 'inbound';
  caseId: string;
  creditor: string;
  location: DebtorLocation;
  restrictions: Restriction[];
  target: ContactTarget;
  minLinkScore: number;
  /**
   * The debtor's calls in at least the last 8 days that the profile's rules count (HistoryScope):
   * conversations across all creditors and cases and, under US, the attempts on this case. More
   * calls may be given; the rules ignore what they do not count.
   */
  history: ContactAttempt[];
}

/** A relay binding is requested for a case, not for one call: it has no direction of its own. */
export type RelayRequest = Omit<CallRequest, 'direction'>;

/** Stable ids of the rules that can refuse, for audit records, metrics and API problem codes. */
export type PolicyRuleId =
  | 'RESTRICTED_ERASED'
  | 'RESTRICTED_DECEASED'
  | 'RESTRICTED_CEASE_COMMUNICATION'
  | 'RESTRICTED_ATTORNEY'
  | 'RESTRICTED_DISPUTE'
  | 'TARGET_THIRD_PARTY'
  | 'TARGET_POSSIBLE_MATCH'
  | 'TARGET_SUPERSEDED'
  | 'TARGET_LOW_CONFIDENCE'
  | 'US_CALLING_HOURS'
  | 'CN_CALLING_HOURS'
  | 'US_SEVEN_IN_SEVEN'
  | 'US_AFTER_CONVERSATION'
  | 'CN_DAILY_CONVERSATIONS';

/** Which API error a refusal maps to: restricted 423, target 409, limit 429; hours only at call time. */
export type PolicyDenialKind = 'restricted' | 'limit' | 'hours' | 'target';

/** The rule that decided, as a stable id (e.g. `US_CALLING_HOURS`, `CN_DAILY_CONVERSATIONS`). */
export type PolicyDecision = PolicyAllowance | PolicyDenial;

export interface PolicyAllowance {
  allow: true;
  rule: 'ALLOWED';
}

export interface PolicyDenial {
  allow: false;
  rule: PolicyRuleId;
  /** Which API error it maps to when it refuses a relay request. */
  kind: PolicyDenialKind;
  /** When the same request could next be allowed, if the rule knows. */
  retryAt?: Date;
  /** Non-personal inputs of the decision, for the audit record (local hour, counts, zone). */
  details: Record<string, string | number | boolean>;
}
