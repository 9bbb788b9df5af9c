import type { PhoneStatus } from '../source-record.js';

/** One phone number or email address of a person, merged over all the records that mention it. */
export interface ContactPoint {
  kind: 'phone' | 'email';
  /** E.164 for a phone, the canonical address for an email. */
  value: string;
  /** Relative, comparable across persons; 0 when not reachable. See contact-score.ts. */
  score: number;
  /** The newest status any source reported; emails have none. */
  status: PhoneStatus | 'email';
  firstSeenAtMs: number;
  lastSeenAtMs: number;
  /** Source ids that mention it, sorted. */
  sources: string[];
  /** Distinct sources: records of one source are not independent of each other. */
  corroboration: number;
  verified: boolean;
  reachable: boolean;
}

export type Reachability = 'reachable' | 'stale' | 'unreachable';

export interface ContactRanking {
  /** Best first; ties broken by value so the order never depends on record order. */
  contacts: ContactPoint[];
  /** The best reachable phone: only a phone can be bound to a relay number. */
  best: ContactPoint | null;
  reachability: Reachability;
}
