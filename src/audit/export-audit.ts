import type { AuditChainSource } from './audit-chain-source.js';

export interface ExportRange {
  /** ISO 8601; records with at ≥ fromTime. */
  fromTime?: string;
  /** ISO 8601; records with at < toTime. */
  toTime?: string;
  pageSize?: number;
}

export interface ExportHeader {
  type: 'audit-export';
  format: 1;
  chain: string;
  fromTime?: string;
  toTime?: string;
  /** The records exported, after widening the requested range to the checkpoints around it. */
  fromSeq?: number;
  toSeq?: number;
}

/**
 * The chain as JSON Lines: a header, then each stored record (`type: "record"`, every stored field)
 * and checkpoint (`type: "checkpoint"`) in seq order. The requested time range is widened to the
 * nearest checkpoints around it, so the excerpt verifies on its own: its first record links to a
 * signed checkpoint (or to genesis) and a signed checkpoint covers its last record when one exists yet.
 */
export async function* exportAudit(
  source: AuditChainSource,
  range: ExportRange = {},
): AsyncGenerator<string> {
  const header: ExportHeader = {
    type: 'audit-export',
    format: 1,
    chain: source.chain,
    fromTime: range.fromTime,
    toTime: range.toTime,
  };
  const bounds = await source.bounds();
  const wanted = await source.seqsBetween(range.fromTime, range.toTime);
  if (bounds === undefined || wanted === undefined) {
    yield line(header);
    return;
  }
  const before = await source.checkpoints(bounds.first - 1, wanted.first - 1);
  const anchor = before[before.length - 1];
  const [cover] = await source.checkpoints(wanted.last, bounds.last);
  const fromSeq = anchor === undefined ? bounds.first : anchor.seq + 1;
  const toSeq = cover?.seq ?? wanted.last;
  yield line({ ...header, fromSeq, toSeq });
  if (anchor !== undefined) yield line({ type: 'checkpoint', ...anchor });
  const pageSize = range.pageSize ?? 1_000;
  for (let from = fromSeq; from <= toSeq; from += pageSize) {
    const to = Math.min(from + pageSize - 1, toSeq);
    for (const record of await source.records(from, to)) yield line({ type: 'record', ...record });
    for (const checkpoint of await source.checkpoints(from, to))
      yield line({ type: 'checkpoint', ...checkpoint });
  }
}

const line = (value: object) => `${JSON.stringify(value)}\n`;
