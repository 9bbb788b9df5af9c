import type { Config } from '../config.js';
import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { parseCommandArgs } from './args.js';
import { CliError } from './cli-error.js';
import { csvRow } from './csv-row.js';
import { graphFor } from './graph-for.js';
import { writeStdout } from './write-stdout.js';

export const clustersUsage = 'recontact clusters [--format csv]';

const FORMATS = ['csv'] as const;
export const CLUSTERS_PAGE_SIZE = 10_000;

/** Every current record and the person it resolves to, for comparing resolutions across runs or rule sets. */
export async function clustersCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('clusters', args, { format: { type: 'string' } });
  const format = values.format ?? 'csv';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`recontact clusters: --format must be one of: ${FORMATS.join(', ')} (got ${format.slice(0, 50)})`);
  }
  if (positionals.length > 0) throw new CliError(`usage: ${clustersUsage}`);
  const graph = await graphFor(config);
  try {
    await exportClusters(graph, writeStdout);
  } finally {
    await graph.close();
  }
}

/**
 * `sourceId,sourceRecordId,personId` rows (personId empty for an unresolved record), sorted by
 * source, then record id, a page at a time: memory stays one page whatever the graph's size. Each
 * page is its own read, so a graph that changes during the export may show a record moving.
 */
export async function exportClusters(graph: Neo4jGraph, write: Write, pageSize = CLUSTERS_PAGE_SIZE): Promise<void> {
  if ((await write(csvRow(['sourceId', 'sourceRecordId', 'personId']))) === 'closed') return;
  for (let sourceId = await nextSource(graph, ''); sourceId !== null; sourceId = await nextSource(graph, sourceId)) {
    if ((await exportSource(graph, sourceId, write, pageSize)) === 'closed') return;
  }
}

type Write = (text: string) => Promise<'written' | 'closed'>;

/**
 * One source's rows. A record's key is `sourceId:sourceRecordId` and source ids never contain ':',
 * so the source's keys are exactly those in [`id:`, `id;`), and key order is record id order.
 */
export async function exportSource(graph: Neo4jGraph, sourceId: string, write: Write, pageSize: number): Promise<'written' | 'closed'> {
  let after = `${sourceId}:`;
  for (;;) {
    const page = await graph.read((tx) => tx.run(cypher('export-clusters'), { after, before: `${sourceId};`, pageSize }));
    const rows = page.records.map((r) => r.toObject() as { key: string; sourceId: string; sourceRecordId: string; personId: string | null });
    if (rows.length > 0 && (await write(rows.map((r) => csvRow([r.sourceId, r.sourceRecordId, r.personId ?? ''])).join(''))) === 'closed') {
      return 'closed';
    }
    if (rows.length < pageSize) return 'written';
    after = rows[rows.length - 1]!.key;
  }
}

/** The next source id after `after`, from the source index: one seek per source, not a scan. */
async function nextSource(graph: Neo4jGraph, after: string): Promise<string | null> {
  const result = await graph.read((tx) =>
    tx.run('MATCH (r:Record) WHERE r.sourceId > $after RETURN r.sourceId AS id ORDER BY id LIMIT 1', { after }),
  );
  return (result.records[0]?.get('id') as string | undefined) ?? null;
}
