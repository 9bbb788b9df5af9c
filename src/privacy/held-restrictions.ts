import { RESTRICTION_REASONS, type RestrictionReason } from '../../contracts/api/subjects.v1.js';
import type { SubjectRestriction } from './subject-store.js';

/**
 * Restrictions as one record holds them: `restrictions`, the list of reasons contact-context and
 * case-view read, and `restrictionDetailsJson`, when and with which note each was placed.
 */
export interface HeldRestrictions {
  restrictions: string[];
  detailsJson: string | null;
}

type Details = Partial<Record<string, { since: string; note: string | null }>>;

export function withRestriction(held: HeldRestrictions, reason: RestrictionReason, note: string | null, now: Date): HeldRestrictions {
  const details = parseDetails(held.detailsJson);
  const previous = details[reason];
  details[reason] = { since: previous?.since ?? now.toISOString(), note: note ?? previous?.note ?? null };
  const restrictions = held.restrictions.includes(reason) ? held.restrictions : [...held.restrictions, reason];
  return { restrictions, detailsJson: JSON.stringify(details) };
}

export function withoutRestriction(held: HeldRestrictions, reason: RestrictionReason | undefined): HeldRestrictions {
  const details = parseDetails(held.detailsJson);
  const restrictions = reason === undefined ? [] : held.restrictions.filter((r) => r !== reason);
  const kept = Object.fromEntries(Object.entries(details).filter(([r]) => restrictions.includes(r)));
  return { restrictions, detailsJson: restrictions.length === 0 ? null : JSON.stringify(kept) };
}

/** A person's restrictions: the union over their records, each with its earliest placement. */
export function restrictionsOf(records: HeldRestrictions[]): SubjectRestriction[] {
  const out = new Map<RestrictionReason, SubjectRestriction>();
  for (const record of records) {
    const details = parseDetails(record.detailsJson);
    for (const reason of record.restrictions) {
      if (!isReason(reason)) continue;
      const d = details[reason];
      const seen = out.get(reason);
      const since = [seen?.since, d?.since].filter((s): s is string => typeof s === 'string').sort()[0] ?? null;
      out.set(reason, { reason, since, note: seen?.note ?? d?.note ?? null });
    }
  }
  return RESTRICTION_REASONS.flatMap((r) => {
    const found = out.get(r);
    return found ? [found] : [];
  });
}

function isReason(value: string): value is RestrictionReason {
  return (RESTRICTION_REASONS as readonly string[]).includes(value);
}

function parseDetails(json: string | null): Details {
  if (json === null) return {};
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === 'object' && parsed !== null ? parsed : {};
}
