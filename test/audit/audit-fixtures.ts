import { generateKeyPairSync } from 'node:crypto';
import type { AuditEntry } from '../../src/audit/audit-entry.js';
import {
  publicKeyId,
  signCheckpoint,
  type AuditCheckpoint,
  type AuditSigningKey,
} from '../../src/audit/audit-checkpoint.js';
import { InMemoryAuditLog } from '../../src/audit/in-memory-audit-log.js';
import type { StoredAuditRecord } from '../../src/audit/stored-audit-record.js';

export function newSigningKey(): AuditSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, publicKeyId: publicKeyId(publicKey) };
}

/** A varied, realistic entry; `i` makes each one distinct. */
export function sampleEntry(i: number): AuditEntry {
  return {
    action: i % 3 === 0 ? 'relay.create' : 'case.read',
    actor: {
      subject: `collector-${i % 4}`,
      role: 'collector',
      creditor: i % 2 === 0 ? 'bank-a' : 'bank-b',
    },
    outcome: i % 5 === 0 ? 'denied' : 'allowed',
    reason: i % 5 === 0 ? 'OUTSIDE_CALLING_HOURS' : undefined,
    resources: { caseId: `case-${i % 7}`, personId: `person-${i % 3}` },
    purpose: 'debt-collection',
    requestId: `req-${i}`,
    details: { attempt: i, localHour: 9 },
  };
}

export interface Chain {
  stored: StoredAuditRecord[];
  checkpoints: AuditCheckpoint[];
  head: { seq: number; hash: string };
  key: AuditSigningKey;
}

/** `n` chained records and checkpoints signed at the given seqs. */
export async function chainOf(
  n: number,
  checkpointAt: number[] = [],
  chain = 'test',
): Promise<Chain> {
  const log = new InMemoryAuditLog(chain);
  for (let i = 1; i <= n; i++) await log.append(sampleEntry(i));
  const key = newSigningKey();
  const checkpoints = checkpointAt.map((seq) =>
    signCheckpoint(
      { chain, seq, hash: log.stored[seq - 1]!.hash, at: log.stored[seq - 1]!.at },
      key,
    ),
  );
  const last = log.stored[n - 1]!;
  return {
    stored: log.stored.map((r) => ({ ...r })),
    checkpoints,
    head: { seq: last.seq, hash: last.hash },
    key,
  };
}
