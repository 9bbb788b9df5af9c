import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { isRolledBack } from '../platform/transient-errors.js';
import type { AuditEntry, AuditRecord } from './audit-entry.js';
import type { AuditedWrite, InlineWrite } from './audited-write.js';
import { GENESIS_HASH, sealAuditRecord } from './seal-audit-record.js';

/** One request in a group commit: an entry, or a write whose output the entry may describe. */
export interface BatchItem {
  write: AuditedWrite<unknown, unknown> | undefined;
  input: unknown;
  entry: AuditEntry | ((output: unknown) => AuditEntry);
}

/** Where a chain ends: the last record's seq, hash and time. */
export interface ChainHead {
  seq: number;
  hash: string;
  at: string;
}

export interface CommittedBatch {
  committed: { output: unknown; record: AuditRecord }[];
  head: ChainHead;
}

/** Entries (by position in their batch) that could not be written as canonical JSON. */
export class UnsealableEntries extends Error {
  constructor(readonly positions: number[]) {
    super('audit entries are not JSON');
  }
}

/**
 * Writes one group commit in `tx`: the chain head is locked first, the batch's writes run right
 * behind it (sent together, one round trip), then the records are sealed onto the head and
 * appended.
 *
 * When every entry is known beforehand and `expected` is the head this process last committed, the
 * records are sealed onto it before anything is sent, and one statement locks the head, checks it
 * is still `expected` and appends: one round trip for the whole batch. If another replica appended
 * in between, that statement writes nothing and returns the head it locked; the records are sealed
 * again onto that one. A rolled-back or retried transaction leaves nothing behind either way.
 */
export async function writeAuditBatch(
  tx: ManagedTransaction,
  o: { chain: string; items: BatchItem[]; expected: ChainHead | undefined; now: string },
): Promise<CommittedBatch> {
  const entries = o.items.map((item) => item.entry);
  if (o.expected !== undefined && entries.every((e) => typeof e !== 'function')) {
    const sealed = sealOnto(o.chain, o.expected, o.now, (i) => entries[i]!, entries.length);
    const appending = tx.run(cypher('append-audit-records-at-head'), atHeadParams(o.chain, sealed, o.expected));
    const [appended, outputs] = await Promise.all([appending, runWrites(tx, o.items)]);
    if (appended.records[0]!.get('current') === true) return committed(sealed, outputs);
    const resealed = sealOnto(o.chain, headOf(appended), o.now, (i) => entries[i]!, entries.length);
    await tx.run(cypher('append-audit-records'), appendParams(o.chain, resealed));
    return committed(resealed, outputs);
  }
  const locking = tx.run(cypher('lock-audit-head'), { chain: o.chain, genesis: GENESIS_HASH });
  const [locked, outputs] = await Promise.all([locking, runWrites(tx, o.items)]);
  const entryAt = (i: number) => {
    const entry = entries[i]!;
    return typeof entry === 'function' ? entry(outputs[i]) : entry;
  };
  const sealed = sealOnto(o.chain, headOf(locked), o.now, entryAt, entries.length);
  await tx.run(cypher('append-audit-records'), appendParams(o.chain, sealed));
  return committed(sealed, outputs);
}

/**
 * Commits a batch as one auto-commit statement, when it can: every entry is known beforehand,
 * every write has an inline form, and `expected` is the head this process last committed. The
 * records are sealed onto it, and one statement locks the head, checks it is still `expected`,
 * appends and runs the writes. Resolves to undefined, with nothing written, when the batch cannot
 * go this way or another replica moved the head; the transaction path (`writeAuditBatch`) then
 * takes it, and so it does when Neo4j rolled the statement back with a transient error (a deadlock,
 * a lock timeout). Any other failure rejects: the commit may have happened.
 */
export async function commitAuditBatchInOneStatement(
  graph: Neo4jGraph,
  o: { chain: string; items: BatchItem[]; expected: ChainHead | undefined; now: string; timeoutMs: number },
): Promise<CommittedBatch | undefined> {
  if (o.expected === undefined || !canCommitInOneStatement(o.items, o.expected)) return undefined;
  const writes = inlineWritesOf(o.items);
  const entries = o.items.map((item) => item.entry as AuditEntry);
  const sealed = sealOnto(o.chain, o.expected, o.now, (i) => entries[i]!, entries.length);
  const result = await graph.writeOnce(withInlineWrites(cypher('append-audit-records-at-head'), writes), {
    ...atHeadParams(o.chain, sealed, o.expected),
    ...Object.fromEntries(writes.map((w) => [w.param, w.positions.map((i) => o.items[i]!.input)])),
  }, { timeoutMs: o.timeoutMs }).catch((error: unknown) => {
    if (isRolledBack(error)) return undefined;
    throw error;
  });
  const row = result?.records[0];
  if (row?.get('current') !== true) return undefined;
  const outputs = new Array<unknown>(o.items.length).fill(undefined);
  for (const w of writes) {
    const out = w.inline.outputs(row.get(w.param) as unknown[], w.positions.map((i) => o.items[i]!.input));
    w.positions.forEach((i, k) => (outputs[i] = out[k]));
  }
  return committed(sealed, outputs);
}

/** Whether `commitAuditBatchInOneStatement` can take these items, given the head last committed. */
export function canCommitInOneStatement(items: readonly BatchItem[], expected: ChainHead | undefined): boolean {
  return (
    expected !== undefined &&
    items.length > 0 &&
    items.every((item) => typeof item.entry !== 'function' && (item.write === undefined || item.write.inline !== undefined))
  );
}

interface InlineGroup {
  inline: InlineWrite<unknown, unknown>;
  positions: number[];
  param: string;
}

/** The batch's writes grouped by kind, each with its parameter name (`canCommitInOneStatement` held). */
function inlineWritesOf(items: readonly BatchItem[]): InlineGroup[] {
  const groups = new Map<AuditedWrite<unknown, unknown>, InlineGroup>();
  for (const [i, item] of items.entries()) {
    const inline = item.write?.inline;
    if (item.write === undefined || inline === undefined) continue;
    const group = groups.get(item.write) ?? { inline, positions: [], param: `write${groups.size}` };
    group.positions.push(i);
    groups.set(item.write, group);
  }
  return [...groups.values()];
}

/** Each write as a subquery that runs only when the head was current, at the statement's marker. */
function withInlineWrites(statement: string, writes: InlineGroup[]): string {
  if (!statement.includes(INLINE_WRITES_MARKER)) throw new Error(`the append statement has lost its "${INLINE_WRITES_MARKER}" marker`);
  const subqueries = writes.map((w) => `CALL (current) {\n  WITH current WHERE current\n  ${w.inline.subquery(w.param)}\n}`);
  return statement.replace(INLINE_WRITES_MARKER, subqueries.join('\n'));
}

const INLINE_WRITES_MARKER = '// @inline-writes';

type Sealed = { records: ReturnType<typeof sealAuditRecord>[]; head: ChainHead };

/**
 * Chains `count` entries onto `head`. Throws UnsealableEntries naming every entry that is not
 * JSON, so the transaction rolls back (with its writes) and only those requests are refused.
 */
function sealOnto(
  chain: string,
  head: ChainHead,
  now: string,
  entryAt: (i: number) => AuditEntry,
  count: number,
): Sealed {
  // Never before the previous record, so time order is seq order even when replicas' clocks differ.
  const at = now > head.at ? now : head.at;
  const records: Sealed['records'] = [];
  const unsealable: number[] = [];
  let { seq, hash: prevHash } = head;
  for (let i = 0; i < count; i++) {
    try {
      const s = sealAuditRecord(entryAt(i), { chain, seq: seq + 1, at, prevHash });
      records.push(s);
      seq++;
      prevHash = s.record.hash;
    } catch {
      unsealable.push(i);
    }
  }
  if (unsealable.length > 0) throw new UnsealableEntries(unsealable);
  return { records, head: { seq, hash: prevHash, at } };
}

function appendParams(chain: string, sealed: Sealed) {
  return {
    chain,
    records: sealed.records.map((s) => ({ ...s.stored, key: `${chain}:${s.stored.seq}` })),
    seq: sealed.head.seq,
    hash: sealed.head.hash,
    at: sealed.head.at,
  };
}

/** append-audit-records-at-head's parameters: the sealed records and the head they were sealed onto. */
function atHeadParams(chain: string, sealed: Sealed, expected: ChainHead) {
  return { ...appendParams(chain, sealed), genesis: GENESIS_HASH, expectedSeq: expected.seq, expectedHash: expected.hash };
}

function headOf(result: QueryResult): ChainHead {
  const row = result.records[0]!;
  return {
    seq: row.get('seq') as number,
    hash: row.get('hash') as string,
    at: row.get('at') as string,
  };
}

function committed(sealed: Sealed, outputs: unknown[]): CommittedBatch {
  return {
    committed: sealed.records.map((s, i) => ({ output: outputs[i], record: s.record })),
    head: sealed.head,
  };
}

/** Each kind of write once for all its requests in the batch; outputs by the requests' positions. */
async function runWrites(tx: ManagedTransaction, items: BatchItem[]): Promise<unknown[]> {
  const groups = new Map<AuditedWrite<unknown, unknown>, number[]>();
  items.forEach((item, i) => {
    if (item.write !== undefined) groups.set(item.write, [...(groups.get(item.write) ?? []), i]);
  });
  const outputs = new Array<unknown>(items.length).fill(undefined);
  await Promise.all(
    [...groups].map(async ([write, positions]) => {
      const out = await write.run(
        tx,
        positions.map((i) => items[i]!.input),
      );
      if (out.length !== positions.length)
        throw new Error(
          `an audited write returned ${out.length} outputs for ${positions.length} inputs`,
        );
      positions.forEach((i, k) => (outputs[i] = out[k]));
    }),
  );
  return outputs;
}
