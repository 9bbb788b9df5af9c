import { DependencyUnavailableError } from '../errors.js';
import type { AuditEntry, AuditLog, AuditRecord } from './audit-entry.js';
import { GENESIS_HASH, sealAuditRecord } from './seal-audit-record.js';
import type { StoredAuditRecord } from './stored-audit-record.js';

/** A fake for unit tests: chains records in memory; `failing` makes appends fail as an unreachable store would. */
export class InMemoryAuditLog implements AuditLog {
  readonly records: AuditRecord[] = [];
  readonly stored: StoredAuditRecord[] = [];
  failing = false;

  constructor(
    readonly chain = 'test',
    private readonly clock: () => Date = () => new Date(),
  ) {}

  append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.failing) return Promise.reject(new DependencyUnavailableError('audit store'));
    const last = this.records[this.records.length - 1];
    const position = {
      chain: this.chain,
      seq: (last?.seq ?? 0) + 1,
      at: this.clock().toISOString(),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const { record, stored } = sealAuditRecord(entry, position);
    this.records.push(record);
    this.stored.push(stored);
    return Promise.resolve(record);
  }
}
