import type { ContactRanking } from './contacts/contact-point.js';
import type { PhoneClaim, PhoneConflict } from './contacts/phone-conflicts.js';
import type { MatchableRecord } from './matchable-record.js';

/** A person as resolution found it before this change. */
export interface PersonState {
  personId: string;
  recordKeys: string[];
  bestContact: string | null;
  reachability: string | null;
  superseded: string[];
}

export interface ClusterWrite {
  personId: string;
  members: { recordKey: string; score: number | null; evidenceJson: string | null; viaRecordKey: string | null }[];
  superseded: string[];
}

export interface PossibleMatchWrite {
  recordKey: string;
  personId: string;
  otherRecordKey: string;
  score: number;
  evidenceJson: string;
}

export interface ResolutionWrite {
  /** Every record whose links are replaced (the whole component, retracted records included). */
  recordKeys: string[];
  retiredPersons: string[];
  clusters: ClusterWrite[];
  possibleMatches: PossibleMatchWrite[];
  ruleSetVersion: string;
}

/**
 * What resolution reads and writes, all inside one transaction, which holds the resolution lock:
 * components may overlap, so resolutions are serialized across service replicas.
 */
export interface ResolutionStore {
  loadRecords(keys: string[]): Promise<MatchableRecord[]>;
  replaceBlockKeys(rows: { key: string; blockKeys: string[] }[]): Promise<void>;
  blockCandidates(blockKeys: string[]): Promise<Map<string, string[]>>;
  personsOf(recordKeys: string[]): Promise<PersonState[]>;
  /** How many records hold each of these numbers, and each of these address keys. */
  valueCounts(e164s: string[], addressKeys: string[]): Promise<{ phones: Map<string, number>; addresses: Map<string, number> }>;
  writeResolution(write: ResolutionWrite): Promise<void>;
  writeContacts(rankings: { personId: string; ranking: ContactRanking }[]): Promise<void>;
  /** Every person's claim on these numbers, as their contact points now stand. */
  phoneClaims(e164s: string[]): Promise<PhoneClaim[]>;
  /** Flags the conflicting numbers among `e164s` and clears the others. */
  writePhoneConflicts(e164s: string[], conflicts: PhoneConflict[]): Promise<void>;
}
