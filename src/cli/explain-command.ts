import type { Config } from '../config.js';
import { cypher } from '../platform/cypher-file.js';
import { parseCommandArgs } from './args.js';
import { CliError } from './cli-error.js';
import { graphFor } from './graph-for.js';
import { explainPerson, type ExplainPersonRow, type PersonExplanation } from './person-explanation.js';

export const explainUsage = 'recontact explain <personId> [--json]';

/**
 * For data-quality staff: why each record belongs to a person, which pairs wait for review, and
 * how its contact points rank. Contact values are masked; names, national ids and third parties'
 * numbers are never read.
 */
export async function explainCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('explain', args, { json: { type: 'boolean' } });
  const personId = positionals[0];
  if (personId === undefined || positionals.length > 1) throw new CliError(`usage: ${explainUsage}`);

  const graph = await graphFor(config);
  let row: ExplainPersonRow | undefined;
  try {
    const result = await graph.read((tx) => tx.run(cypher('explain-person'), { personId }));
    row = result.records[0]?.toObject() as ExplainPersonRow | undefined;
  } finally {
    await graph.close();
  }
  if (row === undefined) throw new CliError(`recontact explain: no person ${personId.slice(0, 200)}`);
  const explanation = explainPerson(row);
  console.log(values.json ? JSON.stringify(explanation) : render(explanation).join('\n'));
}

function render(x: PersonExplanation): string[] {
  return [
    `person ${x.personId}  reachability ${x.reachability ?? 'unknown'}`,
    '',
    `records (${x.records.length}, by key)`,
    ...x.records.flatMap((r) => [
      `  ${r.key}`,
      `    source ${r.sourceId}, record ${r.sourceRecordId}`,
      ...(r.link === null
        ? ['    first record: every link leads back to it']
        : [
            `    linked via ${r.link.via ?? '?'}, score ${score(r.link.score)}, rules ${r.link.ruleSetVersion ?? '?'}, decided ${r.link.decidedAt ?? '?'}`,
            ...indent(r.link.evidence),
          ]),
    ]),
    '',
    `possible matches (${x.possibleMatches.length}, review band: kept apart until reviewed)`,
    ...orNone(
      x.possibleMatches.flatMap((m) => [
        `  ${m.recordKey} ~ ${m.otherRecordKey} of person ${m.otherPersonId ?? '(none)'}, score ${score(m.score)}, rules ${m.ruleSetVersion ?? '?'}`,
        ...indent(m.evidence),
      ]),
    ),
    '',
    `contact points (${x.contacts.length}, best first; scores as of ${x.contactsRefreshedAt ?? '?'})`,
    ...orNone(
      x.contacts.map(
        (c) =>
          `  ${c.rank}. ${c.value}  ${c.kind}${c.kind === 'phone' ? `, ${c.status}` : ''}, ${c.reachable ? 'reachable' : 'not reachable'}, score ${c.score.toFixed(2)}, ` +
          `${c.verified ? 'verified' : 'unverified'}, sources ${c.sources.join(' ')} (corroboration ${c.corroboration}), ` +
          `seen ${day(c.firstSeenAt)}..${day(c.lastSeenAt)}${c.best ? '  <- best contact' : ''}`,
      ),
    ),
    '',
    `superseded numbers (${x.superseded.length}: reassigned away, never reached for this person again)`,
    ...orNone(x.superseded.map((s) => `  ${s}`)),
  ];
}

const indent = (lines: string[]) => lines.map((l) => `      ${l}`);
const orNone = (lines: string[]) => (lines.length > 0 ? lines : ['  none']);
const score = (n: number | null) => (n === null ? '?' : n.toFixed(1));
const day = (iso: string | null) => iso?.slice(0, 10) ?? '?';
