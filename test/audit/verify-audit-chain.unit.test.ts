import { strict as assert } from 'node:assert';
import { signCheckpoint } from '../../src/audit/audit-checkpoint.js';
import { MemoryChainSource } from '../../src/audit/memory-chain-source.js';
import { sealAuditRecord } from '../../src/audit/seal-audit-record.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { chainOf, newSigningKey, sampleEntry, type Chain } from './audit-fixtures.js';

const verify = (c: Chain, range = {}, withHead = true) =>
  verifyAuditChain(
    new MemoryChainSource('test', c.stored, c.checkpoints, withHead ? c.head : undefined),
    c.key.publicKey,
    { ...range, pageSize: 7 },
  );

const at = (c: Chain, seq: number) => c.stored.find((r) => r.seq === seq)!;

describe('audit chain verification (in memory)', () => {
  it('when nothing was touched, then every record and checkpoint verifies and the head seq is the last', async () => {
    const result = await verify(await chainOf(30, [10, 20, 30]));
    assert.deepEqual(result, {
      ok: true,
      chain: 'test',
      checkedRecords: 30,
      checkedCheckpoints: 3,
      headSeq: 30,
    });
  });

  it('when an indexed field is edited, then the record is EDITED at its seq', async () => {
    const c = await chainOf(20);
    at(c, 5).outcome = 'allowed' === at(c, 5).outcome ? 'denied' : 'allowed';
    assert.deepEqual((await verify(c)).firstBroken?.kind, 'EDITED');
    assert.equal((await verify(c)).firstBroken?.seq, 5);
  });

  it('when the hashed form is edited, then the stale hash gives it away as EDITED at its seq', async () => {
    const c = await chainOf(20);
    at(c, 12).canonical = at(c, 12).canonical.replace('"allowed"', '"denied"');
    const result = await verify(c);
    assert.equal(result.ok, false);
    assert.deepEqual([result.firstBroken?.seq, result.firstBroken?.kind], [12, 'EDITED']);
    assert.equal(result.checkedRecords, 11);
  });

  it('when a record is deleted, then verification reports DELETED at the missing seq', async () => {
    const c = await chainOf(20);
    c.stored = c.stored.filter((r) => r.seq !== 7);
    assert.deepEqual(pick(await verify(c)), [7, 'DELETED']);
  });

  it('when a record is deleted and the later ones renumbered down, then it is DELETED at that seq, not reordered', async () => {
    const c = await chainOf(20);
    c.stored = c.stored
      .filter((r) => r.seq !== 7)
      .map((r) => (r.seq > 7 ? { ...r, seq: r.seq - 1 } : r));
    assert.deepEqual(pick(await verify(c)), [7, 'DELETED']);
  });

  it('when an extra record claims an existing seq, then it is INSERTED at that seq', async () => {
    const c = await chainOf(20);
    const { stored } = sealAuditRecord(sampleEntry(99), {
      chain: 'test',
      seq: 9,
      at: at(c, 9).at,
      prevHash: at(c, 8).hash,
    });
    c.stored.push(stored);
    assert.deepEqual(pick(await verify(c)), [9, 'INSERTED']);
  });

  it('when a well-formed record is slipped in and the rest shifted up, then it is INSERTED at its seq', async () => {
    const c = await chainOf(20);
    const { stored } = sealAuditRecord(sampleEntry(99), {
      chain: 'test',
      seq: 9,
      at: at(c, 9).at,
      prevHash: at(c, 8).hash,
    });
    c.stored = [...c.stored.map((r) => (r.seq >= 9 ? { ...r, seq: r.seq + 1 } : r)), stored];
    assert.deepEqual(pick(await verify(c)), [9, 'INSERTED']);
  });

  it('when a junk record is slipped in and the rest shifted up, then it is INSERTED, not EDITED', async () => {
    const c = await chainOf(20);
    const junk = { ...at(c, 3), seq: 9, canonical: '{"made":"up"}', hash: 'f'.repeat(64) };
    c.stored = [...c.stored.map((r) => (r.seq >= 9 ? { ...r, seq: r.seq + 1 } : r)), junk];
    assert.deepEqual(pick(await verify(c)), [9, 'INSERTED']);
  });

  it('when two records swap places, then verification reports REORDERED at the first of them', async () => {
    const c = await chainOf(20);
    at(c, 14).seq = -1;
    at(c, 15).seq = 14;
    at(c, -1).seq = 15;
    assert.deepEqual(pick(await verify(c)), [14, 'REORDERED']);
  });

  it("when a checkpoint's signature is forged, then it is FORGED_CHECKPOINT at its seq", async () => {
    const c = await chainOf(20, [10]);
    const sig = Buffer.from(c.checkpoints[0]!.signature, 'base64');
    sig[5]! ^= 0xff;
    c.checkpoints[0]!.signature = sig.toString('base64');
    assert.deepEqual(pick(await verify(c)), [10, 'FORGED_CHECKPOINT']);
  });

  it('when a checkpoint is signed by another key, then it is FORGED_CHECKPOINT', async () => {
    const c = await chainOf(20, [10]);
    c.checkpoints[0] = signCheckpoint(c.checkpoints[0]!, newSigningKey());
    assert.deepEqual(pick(await verify(c)), [10, 'FORGED_CHECKPOINT']);
  });

  it("when a checkpoint's hash is changed, then its signature no longer verifies: FORGED_CHECKPOINT", async () => {
    const c = await chainOf(20, [10]);
    c.checkpoints[0]!.hash = at(c, 9).hash;
    assert.deepEqual(pick(await verify(c)), [10, 'FORGED_CHECKPOINT']);
  });

  it('when records were rewritten and re-hashed consistently, then the genuine checkpoint over them reports CHECKPOINT_MISMATCH', async () => {
    const c = await chainOf(20, [10]);
    // Rewrite record 4 and re-chain everything after it, as someone with write access but no key could.
    let prevHash = at(c, 3).hash;
    c.stored = c.stored.map((r) => {
      if (r.seq < 4) return r;
      const entry =
        r.seq === 4 ? { ...sampleEntry(4), outcome: 'denied' as const } : sampleEntry(r.seq);
      const { stored } = sealAuditRecord(entry, { chain: 'test', seq: r.seq, at: r.at, prevHash });
      prevHash = stored.hash;
      return stored;
    });
    c.head = { seq: 20, hash: prevHash };
    assert.deepEqual(pick(await verify(c)), [10, 'CHECKPOINT_MISMATCH']);
  });

  it('when the newest records are deleted, then the head (or a checkpoint) reports them DELETED after the new end', async () => {
    const c = await chainOf(20);
    c.stored = c.stored.filter((r) => r.seq <= 17);
    assert.deepEqual(pick(await verify(c)), [18, 'DELETED']);
    const signed = await chainOf(20, [19]);
    signed.stored = signed.stored.filter((r) => r.seq <= 17);
    assert.deepEqual(pick(await verify(signed, {}, false)), [18, 'DELETED']);
  });

  it('when verifying from a seq, then the first record is anchored by the one before it', async () => {
    const c = await chainOf(20);
    const result = await verify(c, { fromSeq: 8, toSeq: 15 });
    assert.deepEqual([result.ok, result.checkedRecords, result.headSeq], [true, 8, 15]);
    at(c, 7).canonical += ' ';
    assert.deepEqual(pick(await verify(c, { fromSeq: 8 })), [7, 'EDITED']);
  });

  it('when old records were cut at a signed checkpoint, then verification from the oldest kept record accepts it', async () => {
    const c = await chainOf(20, [6, 12]);
    c.stored = c.stored.filter((r) => r.seq > 6);
    const result = await verify(c);
    assert.deepEqual([result.ok, result.checkedRecords, result.checkedCheckpoints], [true, 14, 2]);
  });

  it('when old records are gone without a checkpoint at the cut, then the cut is DELETED', async () => {
    const c = await chainOf(20, [12]);
    c.stored = c.stored.filter((r) => r.seq > 6);
    assert.deepEqual(pick(await verify(c)), [6, 'DELETED']);
  });
});

const pick = (r: { firstBroken?: { seq: number; kind: string } }) => [
  r.firstBroken?.seq,
  r.firstBroken?.kind,
];
