import type { KeyObject } from 'node:crypto';
import type { AuditChainSource } from './audit-chain-source.js';
import { checkpointSignatureValid, type AuditCheckpoint } from './audit-checkpoint.js';
import { inspectAuditRecord } from './inspect-audit-record.js';
import { GENESIS_HASH } from './seal-audit-record.js';
import type { StoredAuditRecord } from './stored-audit-record.js';

export type TamperKind =
  'EDITED' | 'DELETED' | 'INSERTED' | 'REORDERED' | 'FORGED_CHECKPOINT' | 'CHECKPOINT_MISMATCH';

export interface BrokenPosition {
  seq: number;
  kind: TamperKind;
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  chain: string;
  checkedRecords: number;
  checkedCheckpoints: number;
  /** The last seq verified (0 for an empty chain). */
  headSeq: number;
  firstBroken?: BrokenPosition;
}

export interface VerifyRange {
  fromSeq?: number;
  toSeq?: number;
  pageSize?: number;
}

/** How far ahead a record found out of place is looked for, to tell a swap from a deletion. */
const LOOKAHEAD = 1_000;

/**
 * Walks the chain in seq order and stops at the first position that is not as the log wrote it.
 * The classification (docs/audit.md) follows from what each tamper leaves behind:
 * - DELETED: a seq is missing; or a record sits at a lower seq than it was chained at and the record
 *   chained at that seq is nowhere ahead (records deleted and the rest renumbered); or a signed
 *   checkpoint or the head vouch for records past the end.
 * - INSERTED: two records claim one seq; or the record after seq N is chained to N-1 (a record was
 *   slipped in at N and the rest shifted up); or the head is behind the last record.
 * - REORDERED: a self-consistent record is stored at a seq other than the one it was chained at.
 * - EDITED: a record's hash does not match its contents, or an indexed copy disagrees with them;
 *   or a self-consistent record no longer links to its predecessor, which was rewritten and re-hashed.
 * - FORGED_CHECKPOINT: a checkpoint's signature does not verify with a trusted key.
 * - CHECKPOINT_MISMATCH: a genuinely signed checkpoint names another hash than the record at its seq:
 *   records up to it were rewritten and re-hashed consistently since it was signed.
 */
export async function verifyAuditChain(
  source: AuditChainSource,
  publicKeys: KeyObject | readonly KeyObject[],
  range: VerifyRange = {},
): Promise<AuditVerification> {
  const keys = Array.isArray(publicKeys)
    ? (publicKeys as readonly KeyObject[])
    : [publicKeys as KeyObject];
  const walk = new ChainWalk(source, keys);
  return walk.run(range);
}

class ChainWalk {
  private checkedRecords = 0;
  private checkedCheckpoints = 0;
  private lastSeq = 0;

  constructor(
    private readonly source: AuditChainSource,
    private readonly keys: readonly KeyObject[],
  ) {}

  async run(range: VerifyRange): Promise<AuditVerification> {
    const bounds = await this.source.bounds();
    if (bounds === undefined)
      return this.result(range.toSeq === undefined ? await this.beyondEnd(0, '') : undefined);
    const start = Math.max(range.fromSeq ?? bounds.first, bounds.first);
    const end = Math.min(range.toSeq ?? bounds.last, bounds.last);
    if (start > end) return this.result();
    const anchor = await this.anchor(start);
    if ('kind' in anchor) return this.result(anchor);
    this.lastSeq = start - 1;

    let expected = start;
    let prevHash = anchor.hash;
    let prevPrevHash: string | undefined;
    const pageSize = range.pageSize ?? 1_000;
    for (let from = start; from <= end; from += pageSize) {
      const to = Math.min(from + pageSize - 1, end);
      const bySeq = groupBySeq(await this.source.records(from, to));
      const checkpoints = groupBySeq(await this.source.checkpoints(from, to));
      for (const [seq, group] of bySeq) {
        if (seq > expected)
          return this.result({
            seq: expected,
            kind: 'DELETED',
            detail: `no record at seq ${expected}; the chain continues at seq ${seq}`,
          });
        if (group.length > 1)
          return this.result({
            seq,
            kind: 'INSERTED',
            detail: `${group.length} records claim seq ${seq}`,
          });
        const record = group[0]!;
        const broken =
          (await this.checkRecord(record, prevHash, prevPrevHash)) ??
          this.checkCheckpoints(checkpoints.get(seq) ?? [], record);
        if (broken) return this.result(broken);
        prevPrevHash = prevHash;
        prevHash = record.hash;
        expected = seq + 1;
        this.checkedRecords++;
        this.lastSeq = seq;
      }
    }
    if (expected <= end)
      return this.result({
        seq: expected,
        kind: 'DELETED',
        detail: `no record at seq ${expected}`,
      });
    return this.result(
      range.toSeq === undefined || range.toSeq >= bounds.last
        ? await this.beyondEnd(end, prevHash)
        : undefined,
    );
  }

  /** The hash the first record must link to: genesis, the stored record before it, or a signed checkpoint. */
  private async anchor(start: number): Promise<{ hash: string } | BrokenPosition> {
    if (start === 1) return { hash: GENESIS_HASH };
    const [previous] = await this.source.records(start - 1, start - 1);
    if (previous !== undefined) {
      const inspection = inspectAuditRecord(previous, this.source.chain);
      if (inspection.problems.length > 0)
        return {
          seq: start - 1,
          kind: 'EDITED',
          detail: `record ${start - 1}: ${inspection.problems.join('; ')}`,
        };
      return { hash: previous.hash };
    }
    const [checkpoint] = await this.source.checkpoints(start - 1, start - 1);
    if (checkpoint !== undefined) {
      const forged = this.forgery(checkpoint);
      if (forged) return forged;
      this.checkedCheckpoints++;
      return { hash: checkpoint.hash };
    }
    return {
      seq: start - 1,
      kind: 'DELETED',
      detail: `record ${start - 1} is missing and no signed checkpoint at seq ${start - 1} anchors the records after it`,
    };
  }

  private async checkRecord(
    record: StoredAuditRecord,
    prevHash: string,
    prevPrevHash: string | undefined,
  ): Promise<BrokenPosition | undefined> {
    const seq = record.seq;
    const inspection = inspectAuditRecord(record, this.source.chain);
    const chainedAt = inspection.body?.seq;
    if (inspection.problems.length > 0) {
      if (await this.nextLinksTo(seq, prevHash)) {
        return {
          seq,
          kind: 'INSERTED',
          detail: `record ${seq} is not part of the chain: the record after it is chained to record ${seq - 1}`,
        };
      }
      return { seq, kind: 'EDITED', detail: `record ${seq}: ${inspection.problems.join('; ')}` };
    }
    if (chainedAt !== undefined && chainedAt !== seq) {
      if (chainedAt === seq - 1 && record.prevHash === prevPrevHash) {
        return {
          seq: seq - 1,
          kind: 'INSERTED',
          detail: `record ${seq - 1} is not part of the chain: the record chained at ${seq - 1} now sits at ${seq}`,
        };
      }
      if (chainedAt > seq && !(await this.chainedAtAhead(seq))) {
        return {
          seq,
          kind: 'DELETED',
          detail: `the record chained at seq ${seq} is gone; records from seq ${chainedAt} were renumbered down`,
        };
      }
      return {
        seq,
        kind: 'REORDERED',
        detail: `the record stored at seq ${seq} was chained at seq ${chainedAt}`,
      };
    }
    if (record.prevHash !== prevHash) {
      return {
        seq: seq - 1,
        kind: 'EDITED',
        detail: `record ${seq - 1} was rewritten and re-hashed: record ${seq} was chained to another hash`,
      };
    }
    return undefined;
  }

  private checkCheckpoints(
    checkpoints: AuditCheckpoint[],
    record: StoredAuditRecord,
  ): BrokenPosition | undefined {
    for (const checkpoint of checkpoints) {
      const forged = this.forgery(checkpoint);
      if (forged) return forged;
      if (checkpoint.hash !== record.hash) {
        return {
          seq: record.seq,
          kind: 'CHECKPOINT_MISMATCH',
          detail: `the checkpoint signed at ${checkpoint.at} names another hash for seq ${record.seq}: records up to it were rewritten and re-hashed`,
        };
      }
      this.checkedCheckpoints++;
    }
    return undefined;
  }

  private forgery(checkpoint: AuditCheckpoint): BrokenPosition | undefined {
    if (checkpoint.chain === this.source.chain && checkpointSignatureValid(checkpoint, this.keys))
      return undefined;
    return {
      seq: checkpoint.seq,
      kind: 'FORGED_CHECKPOINT',
      detail: `the checkpoint at seq ${checkpoint.seq} is not signed by a trusted key (key id ${String(checkpoint.publicKeyId)})`,
    };
  }

  /** After the last record: a signed checkpoint or the head that claims more records means the tail was deleted. */
  private async beyondEnd(lastSeq: number, lastHash: string): Promise<BrokenPosition | undefined> {
    for (const checkpoint of await this.source.checkpoints(lastSeq + 1, Number.MAX_SAFE_INTEGER)) {
      const forged = this.forgery(checkpoint);
      if (forged) return forged;
      return {
        seq: lastSeq + 1,
        kind: 'DELETED',
        detail: `a checkpoint vouches for records up to seq ${checkpoint.seq} but the chain ends at seq ${lastSeq}`,
      };
    }
    const head = await this.source.head();
    if (head === undefined || head.seq === 0) return undefined;
    if (head.seq > lastSeq)
      return {
        seq: lastSeq + 1,
        kind: 'DELETED',
        detail: `the head is at seq ${head.seq} but the chain ends at seq ${lastSeq}`,
      };
    if (head.seq < lastSeq)
      return {
        seq: head.seq + 1,
        kind: 'INSERTED',
        detail: `records after the head (seq ${head.seq}) were not written by the log`,
      };
    if (head.hash !== lastHash)
      return {
        seq: lastSeq,
        kind: 'EDITED',
        detail: `the head names another hash for the last record, seq ${lastSeq}`,
      };
    return undefined;
  }

  private async nextLinksTo(seq: number, prevHash: string): Promise<boolean> {
    const next = await this.source.records(seq + 1, seq + 1);
    return next.some((r) => {
      const inspection = inspectAuditRecord(r, this.source.chain);
      return (
        inspection.problems.length === 0 && inspection.body?.seq === seq && r.prevHash === prevHash
      );
    });
  }

  private async chainedAtAhead(seq: number): Promise<boolean> {
    const ahead = await this.source.records(seq + 1, seq + LOOKAHEAD);
    return ahead.some((r) => inspectAuditRecord(r, this.source.chain).body?.seq === seq);
  }

  private result(firstBroken?: BrokenPosition): AuditVerification {
    return {
      ok: firstBroken === undefined,
      chain: this.source.chain,
      checkedRecords: this.checkedRecords,
      checkedCheckpoints: this.checkedCheckpoints,
      headSeq: this.lastSeq,
      ...(firstBroken === undefined ? {} : { firstBroken }),
    };
  }
}

function groupBySeq<T extends { seq: number }>(items: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of [...items].sort((a, b) => a.seq - b.seq)) {
    const group = groups.get(item.seq);
    if (group) group.push(item);
    else groups.set(item.seq, [item]);
  }
  return groups;
}
