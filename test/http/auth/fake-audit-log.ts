import { DependencyUnavailableError } from '../../../src/errors.js';
import type { AuditEntry, AuditLog, AuditRecord } from '../../../src/audit/audit-entry.js';

/** Keeps entries in memory; `unavailable` makes every append reject the way the real log does. */
export class FakeAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  unavailable = false;

  async append(entry: AuditEntry): Promise<AuditRecord> {
    if (this.unavailable) throw new DependencyUnavailableError('audit log');
    this.entries.push(entry);
    const seq = this.entries.length;
    return {
      ...entry,
      chain: 'test',
      seq,
      at: new Date().toISOString(),
      prevHash: '',
      hash: String(seq),
    };
  }

  denials(): AuditEntry[] {
    return this.entries.filter((e) => e.action === 'auth.deny');
  }
}
