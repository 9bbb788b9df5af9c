/** A readable view of a subject report: titled sections of groups of label/value lists. */
export interface ReportSection {
  title: string;
  groups: ReportGroup[];
}

export interface ReportGroup {
  heading?: string;
  /** One list of fields per item (a record, a case, a restriction, an access). */
  items: ReportField[][];
}

export type ReportField = [label: string, value: string];

const LISTS = [
  ['cases', 'Cases'],
  ['restrictions', 'Restrictions'],
  ['accesses', 'Accesses'],
] as const;

type Json = Record<string, unknown>;

/**
 * Lays out GET /v1/subjects/:personId/report for reading: the subject's own fields, records grouped
 * by source with each source's legal basis, then cases, restrictions and accesses. Sections the
 * report adds later are shown generically rather than hidden, because an officer answering a
 * subject access request must see everything the service holds.
 */
export function reportSections(report: unknown): ReportSection[] {
  const body = isObject(report) ? report : {};
  const scalars = Object.entries(body).filter(([, v]) => !isObject(v) && !Array.isArray(v));
  const sections: ReportSection[] = [];
  if (scalars.length > 0) sections.push({ title: 'Subject', groups: [{ items: [scalars.map(field)] }] });
  sections.push({ title: 'Records by source', groups: recordGroups(body.records) });
  for (const [key, title] of LISTS) sections.push({ title, groups: listGroups(body[key]) });
  const known = new Set<string>(['records', ...LISTS.map(([key]) => key)]);
  for (const [key, value] of Object.entries(body)) {
    if (known.has(key) || (!isObject(value) && !Array.isArray(value))) continue;
    sections.push({ title: labelOf(key), groups: listGroups(value) });
  }
  return sections;
}

/** Accepts records as a list (each naming its source) or as an object keyed by source. */
function recordGroups(records: unknown): ReportGroup[] {
  const bySource = new Map<string, { legalBasis: Set<string>; items: ReportField[][] }>();
  const add = (source: string, record: Json, legalBasis?: unknown) => {
    const group = bySource.get(source) ?? { legalBasis: new Set<string>(), items: [] };
    const basis = legalBasis ?? record.legalBasis;
    if (typeof basis === 'string') group.legalBasis.add(basis);
    group.items.push(
      Object.entries(record)
        .filter(([k]) => k !== 'sourceId' && k !== 'source' && k !== 'legalBasis')
        .map(field),
    );
    bySource.set(source, group);
  };
  if (Array.isArray(records)) {
    for (const record of records.filter(isObject)) add(sourceOf(record), record);
  } else if (isObject(records)) {
    for (const [source, value] of Object.entries(records)) {
      if (Array.isArray(value)) for (const r of value.filter(isObject)) add(source, r);
      else if (isObject(value) && Array.isArray(value.records))
        for (const r of value.records.filter(isObject)) add(source, r, value.legalBasis);
      else if (isObject(value)) add(source, value);
    }
  }
  return [...bySource].map(([source, group]) => ({
    heading: `Source ${source} — legal basis: ${group.legalBasis.size > 0 ? [...group.legalBasis].join(', ') : 'not stated'}`,
    items: group.items,
  }));
}

function listGroups(value: unknown): ReportGroup[] {
  if (Array.isArray(value)) {
    const items = value.map((item) => (isObject(item) ? Object.entries(item).map(field) : [field(['value', item])]));
    return items.length > 0 ? [{ items }] : [];
  }
  if (isObject(value)) return [{ items: [Object.entries(value).map(field)] }];
  return [];
}

function sourceOf(record: Json): string {
  const source = record.sourceId ?? record.source;
  return typeof source === 'string' ? source : 'unknown';
}

function field([label, value]: [string, unknown]): ReportField {
  return [labelOf(label), valueText(value)];
}

/** `legalBasis` → `legal basis`: the report's keys are camelCase, the page is read by people. */
export function labelOf(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.map((v) => valueText(v)).join(', ');
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
