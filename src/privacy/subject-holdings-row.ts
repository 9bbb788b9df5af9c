import { restrictionsOf } from './held-restrictions.js';
import type { HeldBinding, HeldCase, HeldContact, HeldRecord, SubjectHoldings } from './subject-holdings.js';

/** A row of `subject-holdings.cypher`. */
export interface SubjectHoldingsRow {
  personId: string;
  reachability: string | null;
  records: (Omit<HeldRecord, 'names' | 'addresses' | 'thirdPartiesByKind'> & {
    namesJson: string | null;
    addressesJson: string | null;
    restrictions: string[];
    restrictionDetailsJson: string | null;
    thirdParties: string[];
  })[];
  contacts: HeldContact[];
  cases: HeldCase[];
  bindings: HeldBinding[];
}

export function subjectHoldingsOf(row: SubjectHoldingsRow): SubjectHoldings {
  return {
    personId: row.personId,
    reachability: row.reachability,
    records: row.records.map(({ namesJson, addressesJson, restrictions: _r, restrictionDetailsJson: _d, thirdParties, ...rest }) => ({
      ...rest,
      names: parseList(namesJson),
      addresses: parseList(addressesJson),
      thirdPartiesByKind: countByKind(thirdParties),
    })),
    contacts: row.contacts,
    restrictions: restrictionsOf(row.records.map((r) => ({ restrictions: r.restrictions, detailsJson: r.restrictionDetailsJson }))),
    cases: row.cases,
    bindings: row.bindings,
  };
}

function parseList(json: string | null): unknown[] {
  if (json === null) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed : [];
}

function countByKind(kinds: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
