import type { KeyObject } from 'node:crypto';
import type { AuditCheckpoint } from './audit-checkpoint.js';
import { MemoryChainSource } from './memory-chain-source.js';
import type { StoredAuditRecord } from './stored-audit-record.js';
import { verifyAuditChain, type AuditVerification } from './verify-audit-chain.js';

export class AuditExportFormatError extends Error {
  override name = 'AuditExportFormatError';
}

/** Verifies an export file's lines offline: no store, only the checkpoint signers' public keys. */
export async function verifyAuditExport(
  lines: Iterable<string>,
  publicKeys: KeyObject | readonly KeyObject[],
): Promise<AuditVerification> {
  return verifyAuditChain(readAuditExport(lines), publicKeys);
}

export function readAuditExport(lines: Iterable<string>): MemoryChainSource {
  let chain: string | undefined;
  const records: StoredAuditRecord[] = [];
  const checkpoints: AuditCheckpoint[] = [];
  let n = 0;
  for (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    let parsed: { type?: unknown; chain?: unknown; seq?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new AuditExportFormatError(`line ${n} is not JSON`);
    }
    const { type, ...rest } = parsed;
    if (type === 'audit-export' && typeof rest.chain === 'string') chain = rest.chain;
    else if (typeof rest.seq !== 'number')
      throw new AuditExportFormatError(`line ${n} has no numeric seq`);
    else if (type === 'record') records.push(rest as StoredAuditRecord);
    else if (type === 'checkpoint') checkpoints.push(rest as AuditCheckpoint);
    else
      throw new AuditExportFormatError(`line ${n} is neither a header, a record nor a checkpoint`);
  }
  if (chain === undefined)
    throw new AuditExportFormatError('the export has no header line naming its chain');
  return new MemoryChainSource(chain, records, checkpoints);
}
