import { strict as assert } from 'node:assert';
import { withHash } from '../../src/audit/audit-publisher.js';
import { canonicalJson, type JsonValue } from '../../src/audit/canonical-json.js';
import { chainHash, GENESIS_HASH, sealAuditRecord } from '../../src/audit/seal-audit-record.js';
import { sampleEntry } from './audit-fixtures.js';

describe('the SIEM message of an audit record', () => {
  it('when a sealed record is published, then the message is that record with its hash, and a consumer can re-verify the hash from it', () => {
    const position = { chain: 'main', seq: 7, at: '2030-06-11T02:00:00.000Z', prevHash: GENESIS_HASH };
    const entry = { ...sampleEntry(3), details: { '10': 'numeric key', note: 'ünïcode "quoted"' } };
    const { record, stored } = sealAuditRecord(entry, position);

    const message = JSON.parse(withHash(stored.canonical, stored.hash)) as Record<string, JsonValue>;
    assert.deepEqual(message, record);

    const { hash, ...hashed } = message;
    assert.equal(hash, chainHash(position.prevHash, canonicalJson(hashed)));
  });
});
