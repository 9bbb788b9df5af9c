import { strict as assert } from 'node:assert';
import { exportAudit } from '../../src/audit/export-audit.js';
import { MemoryChainSource } from '../../src/audit/memory-chain-source.js';
import { AuditExportFormatError, verifyAuditExport } from '../../src/audit/verify-audit-export.js';
import { chainOf, type Chain } from './audit-fixtures.js';

async function exported(c: Chain, range = {}): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of exportAudit(
    new MemoryChainSource('test', c.stored, c.checkpoints, c.head),
    { ...range, pageSize: 4 },
  ))
    lines.push(line);
  return lines;
}

/** Stored times one minute apart, so a time range selects known seqs (only the export's selection is checked here). */
function spreadInTime(c: Chain): Chain {
  for (const r of c.stored) r.at = new Date(Date.UTC(2024, 4, 1, 0, r.seq)).toISOString();
  return c;
}

describe('audit export and offline verification (in memory)', () => {
  it('when the whole chain is exported, then the file verifies offline with the public key alone', async () => {
    const c = await chainOf(25, [10, 20]);
    const lines = await exported(c);
    assert.equal(lines.length, 1 + 25 + 2);
    const result = await verifyAuditExport(lines, c.key.publicKey);
    assert.deepEqual([result.ok, result.checkedRecords, result.checkedCheckpoints], [true, 25, 2]);
  });

  it('when a time range is exported, then it widens to the checkpoints around it so the excerpt is anchored and covered', async () => {
    const c = spreadInTime(await chainOf(25, [5, 10, 20]));
    const lines = await exported(c, {
      fromTime: '2024-05-01T00:12:00.000Z',
      toTime: '2024-05-01T00:15:00.000Z',
    });
    const header = JSON.parse(lines[0]!) as { fromSeq: number; toSeq: number };
    assert.deepEqual([header.fromSeq, header.toSeq], [11, 20]);
    assert.deepEqual(
      lines.slice(1).map((l) => (JSON.parse(l) as { type: string; seq: number }).seq),
      [10, ...range(11, 20), 20],
    );
  });

  it('when an exported record is edited, then offline verification reports EDITED at its seq', async () => {
    const c = await chainOf(12, [6, 12]);
    const lines = (await exported(c)).map((l) =>
      l.includes('"seq":8,') ? l.replace('"outcome":"allowed"', '"outcome":"denied"') : l,
    );
    const result = await verifyAuditExport(lines, c.key.publicKey);
    assert.deepEqual(
      [result.ok, result.firstBroken?.seq, result.firstBroken?.kind],
      [false, 8, 'EDITED'],
    );
  });

  it('when a line is not JSON, then the export is refused with the line number', async () => {
    const c = await chainOf(3);
    const lines = await exported(c);
    lines.splice(2, 0, '{oops');
    await assert.rejects(
      verifyAuditExport(lines, c.key.publicKey),
      (e: unknown) => e instanceof AuditExportFormatError && /line 3/.test(e.message),
    );
  });
});

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
