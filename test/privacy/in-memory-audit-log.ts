import type { AuditEntry, AuditLog, AuditRecord } from '../../src/audit/audit-entry.js';
import { DependencyUnavailableError } from '../../src/errors.js';

/** An audit log in memory for tests; `failing` makes every append reject as an outage would. */
export class InMemoryAuditLog implements AuditLog {
  readonly records: AuditRecord[] = [];
  failing = false;

  async append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.failing) throw new DependencyUnavailableError('audit store');
    const seq = this.records.length + 1;
    const record: AuditRecord = { ...entry, chain: 'test', seq, at: new Date(Date.UTC(2024, 0, 1, 0, 0, seq)).toISOString(), prevHash: '', hash: `h${seq}` };
    this.records.push(record);
    return record;
  }

  actions(): string[] {
    return this.records.map((r) => r.action);
  }

  about(personId: string): AuditRecord[] {
    return this.records.filter((r) => r.resources?.personId === personId);
  }
}
