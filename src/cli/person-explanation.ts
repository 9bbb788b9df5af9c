import { explainLink } from '../resolve/clustering/explain-link.js';
import { DEFAULT_MODEL } from '../resolve/scoring/default-model.js';
import { MATCH_FIELDS, type MatchModel } from '../resolve/scoring/match-model.js';
import type { FieldEvidence } from '../resolve/scoring/pair-score.js';
import { maskContact, maskPhone } from './mask-contact.js';

/** One row of graph/cypher/explain-person.cypher. Contact values arrive in clear; nothing else identifies. */
export interface ExplainPersonRow {
  personId: string;
  reachability: string | null;
  contactsRefreshedAt: string | null;
  records: {
    key: string;
    sourceId: string;
    sourceRecordId: string;
    viaRecordKey: string | null;
    score: number | null;
    evidenceJson: string | null;
    ruleSetVersion: string | null;
    decidedAt: string | null;
  }[];
  possibleMatches: {
    recordKey: string;
    otherRecordKey: string;
    otherPersonId: string | null;
    score: number;
    evidenceJson: string | null;
    ruleSetVersion: string | null;
    decidedAt: string | null;
  }[];
  contacts: {
    kind: 'phone' | 'email';
    value: string;
    rank: number;
    score: number;
    status: string;
    reachable: boolean;
    sources: string[];
    corroboration: number;
    verified: boolean;
    firstSeenAt: string | null;
    lastSeenAt: string | null;
  }[];
  bestContact: string | null;
  superseded: string[];
}

/** What `recontact explain` shows, as text or JSON: contact values masked, evidence as levels and weights. */
export interface PersonExplanation {
  personId: string;
  reachability: string | null;
  /** Contact scores decay with time and are stored as of their last change: this one. */
  contactsRefreshedAt: string | null;
  records: {
    key: string;
    sourceId: string;
    /** The provider's own id for its record, shown so staff can take a question back to the provider. */
    sourceRecordId: string;
    /** Null for the person's first record, which every link leads back to. */
    link: { via: string | null; score: number | null; ruleSetVersion: string | null; decidedAt: string | null; evidence: string[] } | null;
  }[];
  possibleMatches: {
    recordKey: string;
    otherRecordKey: string;
    otherPersonId: string | null;
    score: number;
    ruleSetVersion: string | null;
    decidedAt: string | null;
    evidence: string[];
  }[];
  /** Best first; `value` masked. */
  contacts: (ExplainPersonRow['contacts'][number] & { best: boolean })[];
  bestContact: string | null;
  superseded: string[];
}

/** The rule sets whose thresholds are known here; others are explained with their bare totals. */
const MODELS: readonly MatchModel[] = [DEFAULT_MODEL];

export function explainPerson(row: ExplainPersonRow): PersonExplanation {
  return {
    personId: row.personId,
    reachability: row.reachability,
    contactsRefreshedAt: row.contactsRefreshedAt,
    records: row.records.map((r) => ({
      key: r.key,
      sourceId: r.sourceId,
      sourceRecordId: r.sourceRecordId,
      link:
        r.viaRecordKey === null && r.score === null
          ? null
          : {
              via: r.viaRecordKey,
              score: r.score,
              ruleSetVersion: r.ruleSetVersion,
              decidedAt: r.decidedAt,
              evidence: evidenceLines(r.score ?? 0, r.evidenceJson, r.ruleSetVersion),
            },
    })),
    possibleMatches: row.possibleMatches.map((m) => ({
      recordKey: m.recordKey,
      otherRecordKey: m.otherRecordKey,
      otherPersonId: m.otherPersonId,
      score: m.score,
      ruleSetVersion: m.ruleSetVersion,
      decidedAt: m.decidedAt,
      evidence: evidenceLines(m.score, m.evidenceJson, m.ruleSetVersion),
    })),
    contacts: row.contacts.map((c) => ({
      rank: c.rank,
      kind: c.kind,
      value: maskContact(c.kind, c.value),
      best: c.kind === 'phone' && c.value === row.bestContact,
      score: c.score,
      status: c.status,
      reachable: c.reachable,
      verified: c.verified,
      sources: c.sources,
      corroboration: c.corroboration,
      firstSeenAt: c.firstSeenAt,
      lastSeenAt: c.lastSeenAt,
    })),
    bestContact: row.bestContact === null ? null : maskPhone(row.bestContact),
    superseded: row.superseded.map(maskPhone),
  };
}

function evidenceLines(total: number, evidenceJson: string | null, version: string | null): string[] {
  const evidence = parseEvidence(evidenceJson);
  if (evidence === null) return [`total ${total.toFixed(1)} (no field evidence stored)`];
  const model = MODELS.find((m) => m.version === version);
  // Links and possible matches are only ever written for pairs no cannot-link rule ruled out.
  return explainLink({ total, evidence, cannotLink: null }, model);
}

/** Stored as JSON by the resolver; read defensively, since older writes may differ in shape. */
function parseEvidence(json: string | null): FieldEvidence[] | null {
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  return Array.isArray(parsed) && parsed.every(isFieldEvidence) ? parsed : null;
}

function isFieldEvidence(value: unknown): value is FieldEvidence {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    (MATCH_FIELDS as readonly unknown[]).includes(e.field) &&
    typeof e.level === 'string' &&
    typeof e.weight === 'number' &&
    (e.tfAdjusted === undefined || typeof e.tfAdjusted === 'boolean') &&
    (e.clusterWide === undefined || e.clusterWide === true)
  );
}
