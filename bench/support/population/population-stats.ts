import type { PhenomenonCounts } from './phenomenon-counts.js';
import type { RecordDraft } from './record-draft.js';
import type { SyntheticPerson } from './synthetic-person.js';

/** The generator's own counts plus totals that are only known once every record exists. */
export function populationStats(
  counts: PhenomenonCounts,
  persons: readonly SyntheticPerson[],
  drafts: readonly RecordDraft[],
): Record<string, number> {
  counts.add('persons', persons.length);
  counts.add('events', drafts.length);

  const recordsPerPerson = new Map<string, number>();
  const latinPersons = new Set<string>();
  for (const d of drafts) {
    counts.add(`records.${d.sourceId}`);
    recordsPerPerson.set(d.personId, (recordsPerPerson.get(d.personId) ?? 0) + 1);
    if (d.subject.names?.some((n) => n.script === 'Latn')) latinPersons.add(d.personId);
  }
  for (const n of recordsPerPerson.values()) counts.add(`personsWithRecords.${n}`);
  counts.add('latinScriptPersons', latinPersons.size);

  const byFullName = new Map<string, number>();
  for (const p of persons) {
    if (p.origin === 'cn')
      byFullName.set(p.family + p.given, (byFullName.get(p.family + p.given) ?? 0) + 1);
  }
  let sharing = 0;
  for (const n of byFullName.values()) if (n > 1) sharing += n;
  counts.add('personsSharingFullName', sharing);
  return counts.toRecord();
}
