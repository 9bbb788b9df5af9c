import type { AuditChainSource, SeqBounds } from './audit-chain-source.js';
import type { AuditCheckpoint } from './audit-checkpoint.js';
import type { StoredAuditRecord } from './stored-audit-record.js';

/** A chain held in memory: an export being verified offline, or a unit test's fixture. */
export class MemoryChainSource implements AuditChainSource {
  constructor(
    readonly chain: string,
    private readonly stored: StoredAuditRecord[],
    private readonly signed: AuditCheckpoint[],
    private readonly lastHead?: { seq: number; hash: string },
  ) {}

  bounds(): Promise<SeqBounds | undefined> {
    return Promise.resolve(seqBounds(this.stored));
  }

  records(fromSeq: number, toSeq: number): Promise<StoredAuditRecord[]> {
    return Promise.resolve(
      this.stored.filter((r) => r.seq >= fromSeq && r.seq <= toSeq).sort((a, b) => a.seq - b.seq),
    );
  }

  checkpoints(fromSeq: number, toSeq: number): Promise<AuditCheckpoint[]> {
    return Promise.resolve(
      this.signed.filter((c) => c.seq >= fromSeq && c.seq <= toSeq).sort((a, b) => a.seq - b.seq),
    );
  }

  head(): Promise<{ seq: number; hash: string } | undefined> {
    return Promise.resolve(this.lastHead);
  }

  seqsBetween(
    fromTime: string | undefined,
    toTime: string | undefined,
  ): Promise<SeqBounds | undefined> {
    return Promise.resolve(
      seqBounds(
        this.stored.filter(
          (r) =>
            (fromTime === undefined || r.at >= fromTime) && (toTime === undefined || r.at < toTime),
        ),
      ),
    );
  }
}

function seqBounds(records: StoredAuditRecord[]): SeqBounds | undefined {
  if (records.length === 0) return undefined;
  const seqs = records.map((r) => r.seq);
  return { first: Math.min(...seqs), last: Math.max(...seqs) };
}
