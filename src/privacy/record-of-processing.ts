import type { FieldGroup } from '../../contracts/identity-subject.v1.js';
import type { SourceDefinition } from '../../contracts/source-registry.js';

/** Each field group a source may send, as a category of personal data and how it is held. */
const CATEGORIES: Record<FieldGroup, string> = {
  names: 'names',
  birthDate: 'date of birth',
  nationalIds: 'national id numbers (held only as a keyed HMAC, with country and type)',
  phones: 'phone numbers, with status and when last seen',
  emails: 'email addresses',
  addresses: 'postal addresses',
  employer: 'employer',
  relations: "third parties' phone numbers (held only as a keyed HMAC; internal matching evidence, never disclosed)",
};

const PURPOSES = [
  "Matching: resolving identity updates from the registered sources into persons, to find the current contact points of a creditor's debtor whose contact was lost.",
  'Contact via masked relay: connecting calls between a creditor and the debtor through relay numbers owned by the service, under a compliance policy (calling hours, frequency limits, restrictions).',
];

const RECIPIENTS = [
  "Creditors receive no personal data: only their case's status (reachability, match confidence, when contacts last changed) and relay numbers, which are the service's own numbers.",
  "The telephony provider receives, per connected call, the destination number it must connect; nothing else.",
  'Privacy officers receive subject access reports; data-quality staff see contact points masked.',
];

const SAFEGUARDS = [
  "National id numbers and third parties' numbers are stored only as keyed HMAC-SHA256 fingerprints; the values are never stored.",
  'Every identity update is signed by its source (HMAC-SHA256 per source) and may carry only the field groups the source is permitted.',
  'Every access and contact decision is written to a tamper-evident, hash-chained audit log holding only ids and keyed HMACs.',
  'Data subjects can be restricted (no contact from the next call on) and erased; an erased record is kept only as a keyed HMAC of its key, so ingest drops it if sent again without a new legal basis.',
  "Each source's records are deleted once older than its retention period (the retention job).",
];

/**
 * The record of processing activities (GDPR Art. 30, PIPL Art. 54–55 documentation) as Markdown,
 * generated from the source registry so it cannot drift from what ingest actually accepts.
 */
export function recordOfProcessing(sources: readonly SourceDefinition[], generatedAt: Date): string {
  const sorted = [...sources].sort((a, b) => a.id.localeCompare(b.id));
  return [
    '# Record of processing activities: recontact',
    '',
    `Generated from the source registry on ${generatedAt.toISOString().slice(0, 10)}; ${sorted.length} source(s).`,
    '',
    '## Purposes',
    '',
    ...bullets(PURPOSES),
    '',
    '## Recipients',
    '',
    ...bullets(RECIPIENTS),
    '',
    '## Safeguards',
    '',
    ...bullets(SAFEGUARDS),
    '',
    '## Sources',
    ...sorted.flatMap(sourceSection),
  ].join('\n') + '\n';
}

function sourceSection(source: SourceDefinition): string[] {
  return [
    '',
    `### ${cell(source.name)} (\`${source.id}\`)`,
    '',
    '| | |',
    '|---|---|',
    `| kind | ${source.kind} |`,
    `| status | ${source.status} |`,
    `| legal basis | ${cell(source.legalBasis)} |`,
    `| categories of data | ${source.permittedFields.map((f) => CATEGORIES[f]).join('; ') || 'none'} |`,
    `| retention | ${source.retentionDays} days after the data was observed |`,
  ];
}

const bullets = (lines: string[]) => lines.map((l) => `- ${l}`);

/** Registry text is free text: a pipe would split a table cell. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
