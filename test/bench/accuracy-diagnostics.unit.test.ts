import { strict as assert } from 'node:assert';
import { clusterErrors } from '../../bench/support/accuracy/cluster-errors.js';
import {
  errorContext,
  mergeCause,
  splitCauses,
} from '../../bench/support/accuracy/error-causes.js';
import { linkablePairs } from '../../bench/support/accuracy/linkable-pairs.js';
import { recordFacts } from '../../bench/support/accuracy/record-facts.js';

const seen = '2025-01-01T00:00:00+08:00';
const phone = (number: string, status: 'active' | 'disconnected' | 'reassigned' = 'active') => ({
  number,
  status,
  lastSeenAt: seen,
});

describe('accuracy diagnostics', () => {
  it('recordFacts reads numbers in any format as E.164 and tells mobiles from landlines', () => {
    const f = recordFacts('demo-creditor:L1', 'demo-creditor', {
      names: [{ full: 'Wang Wei', script: 'Latn' }],
      phones: [{ ...phone('138 0013 8000'), countryHint: 'CN' }, phone('+861062345678')],
    });
    assert.deepEqual(f.mobiles, ['+8613800138000']);
    assert.deepEqual(f.landlines, ['+861062345678']);
    assert.deepEqual(f.latinNames, ['wang wei']);
  });

  it('a merge over a number one person gave up and another received is a recycled number', () => {
    const old = recordFacts('t:1', 'demo-telco', {
      names: [{ full: '王伟', script: 'Hans' }],
      phones: [phone('+8613800138000', 'reassigned')],
    });
    const now = recordFacts('t:2', 'demo-telco', {
      names: [{ full: '李娜', script: 'Hans' }],
      phones: [phone('+8613800138000')],
    });
    assert.equal(mergeCause([old], [now]), 'sharedMobile(recycledNumber)');
  });

  it('a merge of same-surname records born the same day is put down to twins', () => {
    const a = recordFacts('r:1', 'demo-registry', {
      names: [{ full: '王伟', script: 'Hans' }],
      birthDate: '1990-01-02',
    });
    const b = recordFacts('r:2', 'demo-registry', {
      names: [{ full: '王芳', script: 'Hans' }],
      birthDate: '1990-01-02',
    });
    assert.equal(mergeCause([a], [b]), 'twins(sameSurnameAndBirthDate)');
  });

  it('a split between a Han-name record and a pinyin-only one after a number change names both causes', () => {
    const han = recordFacts('t:1', 'demo-telco', {
      names: [{ full: '王伟', script: 'Hans' }],
      phones: [phone('+8613800138001'), phone('+8613800138000', 'disconnected')],
    });
    const pinyin = recordFacts('c:1', 'demo-creditor', {
      names: [{ full: 'WANG WEI', script: 'Latn' }],
      phones: [phone('+8613900139000')],
    });
    const causes = splitCauses([han], [pinyin], [han, pinyin], 'P1', new Map());
    assert.deepEqual(causes, ['numberChange', 'pinyinVsHan', 'noSharedIdentifier']);
  });

  it('linkablePairs joins a person’s records through chains of shared evidence, never through a name', () => {
    const upsert = (sourceId: string, sourceRecordId: string, subject: object) => ({
      sourceId,
      event: {
        schemaVersion: 1 as const,
        eventId: '00000000-0000-4000-8000-000000000001',
        sourceId,
        sourceRecordId,
        observedAt: seen,
        op: 'upsert' as const,
        subject,
      },
    });
    const events = [
      // Telco and creditor share a number; creditor and registry share the id, once in its 15-digit form.
      upsert('demo-telco', 'T1', {
        names: [{ full: '王伟', script: 'Hans' }],
        phones: [phone('+8613800138000')],
      }),
      upsert('demo-creditor', 'C1', {
        phones: [phone('+8613800138000')],
        nationalIds: [{ country: 'CN', type: 'CN_RIC', value: '110101900102123' }],
      }),
      upsert('demo-registry', 'R1', {
        names: [{ full: '王伟', script: 'Hans' }],
        nationalIds: [{ country: 'CN', type: 'CN_RIC', value: '110101199001021234' }],
      }),
      // Only the name in common with the others.
      upsert('demo-telco', 'T2', {
        names: [{ full: '王伟', script: 'Hans' }],
        phones: [phone('+8613900139000')],
      }),
    ];
    const truth = new Map(events.map((e) => [`${e.sourceId}:${e.event.sourceRecordId}`, 'P1']));
    const predicted = new Map([
      ['demo-telco:T1', 'p1'],
      ['demo-creditor:C1', 'p1'],
      ['demo-registry:R1', 'p2'],
      ['demo-telco:T2', 'p3'],
    ]);
    const result = linkablePairs(
      errorContext(events, truth),
      clusterErrors(truth, predicted).splits,
    );
    assert.deepEqual(result, {
      linkablePairs: 3,
      truePairs: 6,
      missedLinkable: 2,
      missedUnlinkable: 3,
    });
  });

  it('linkablePairs links two subscriber records of a SIM change through two shared frequent contacts', () => {
    const contact = (phone: string) => ({ kind: 'frequent_contact' as const, phone, weight: 0.5 });
    const telco = (id: string, own: string, contacts: string[]) => ({
      sourceId: 'demo-telco',
      event: {
        schemaVersion: 1 as const,
        eventId: '00000000-0000-4000-8000-000000000002',
        sourceId: 'demo-telco',
        sourceRecordId: id,
        observedAt: seen,
        op: 'upsert' as const,
        subject: { phones: [phone(own)], relations: contacts.map(contact) },
      },
    });
    const events = [
      telco('OLD', '+8613800138000', ['+8613100000001', '+8613100000002', '+8613100000003']),
      telco('NEW', '+8613900139000', ['+8613100000001', '+8613100000002']),
      telco('OTHER', '+8613700137000', ['+8613100000001']),
    ];
    const truth = new Map(events.map((e) => [`demo-telco:${e.event.sourceRecordId}`, 'P1']));
    const result = linkablePairs(errorContext(events, truth), []);
    assert.equal(result.linkablePairs, 1);
  });
});
