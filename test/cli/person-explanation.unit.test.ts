import { strict as assert } from 'node:assert';
import { explainPerson, type ExplainPersonRow } from '../../src/cli/person-explanation.js';

const PHONE = '+8619912340001';
const OLD_PHONE = '+8619912340002';
const EMAIL = 'wang.wei@example.com';

function row(overrides: Partial<ExplainPersonRow> = {}): ExplainPersonRow {
  const evidence = JSON.stringify([
    { field: 'nationalId', level: 'missing', weight: 0 },
    { field: 'name', level: 'exact', weight: 8.1 },
    { field: 'phone', level: 'shared_active', weight: 11.5, tfAdjusted: true },
  ]);
  const contact = { rank: 1, score: 0.9, status: 'active', reachable: true, sources: ['demo-telco'], corroboration: 1, verified: false, firstSeenAt: null, lastSeenAt: null };
  return {
    personId: 'p-1',
    reachability: 'reachable',
    contactsRefreshedAt: '2024-05-20T00:00:00Z',
    records: [
      { key: 'demo-registry:R-1', sourceId: 'demo-registry', sourceRecordId: 'R-1', viaRecordKey: null, score: null, evidenceJson: null, ruleSetVersion: null, decidedAt: null },
      { key: 'demo-telco:T-1', sourceId: 'demo-telco', sourceRecordId: 'T-1', viaRecordKey: 'demo-registry:R-1', score: 19.6, evidenceJson: evidence, ruleSetVersion: 'fs-default-3', decidedAt: '2024-05-20T00:00:00Z' },
    ],
    possibleMatches: [
      { recordKey: 'demo-registry:R-1', otherRecordKey: 'demo-creditor:C-9', otherPersonId: 'p-2', score: 12.3, evidenceJson: evidence, ruleSetVersion: 'trained-7', decidedAt: null },
    ],
    contacts: [
      { ...contact, kind: 'phone', value: PHONE },
      { ...contact, rank: 2, kind: 'email', value: EMAIL, status: 'email' },
      { ...contact, rank: 3, kind: 'phone', value: OLD_PHONE, status: 'reassigned', reachable: false, score: 0 },
    ],
    bestContact: PHONE,
    superseded: [OLD_PHONE],
    ...overrides,
  };
}

describe('person explanation', () => {
  it("when a record was linked, then its evidence reads as levels and weights against the rule set's thresholds", () => {
    const x = explainPerson(row());
    assert.equal(x.records[0]?.link, null, 'the first record needs no link');
    assert.deepEqual(x.records[1]?.link?.evidence, ['name: exact (+8.1)', 'phone: shared_active (+11.5, tf-adjusted)', 'total 19.6 ≥ link 18']);
  });

  it('when the rule set is not known here, then the evidence ends in the bare total', () => {
    assert.equal(explainPerson(row()).possibleMatches[0]?.evidence.at(-1), 'total 12.3');
  });

  it('when stored evidence is unreadable, then the total is still shown, and nothing fails', () => {
    const broken = row().records.map((r) => ({ ...r, evidenceJson: r.score === null ? null : '[{"field":"shoeSize"}]' }));
    assert.deepEqual(explainPerson(row({ records: broken })).records[1]?.link?.evidence, ['total 19.6 (no field evidence stored)']);
  });

  it('when contacts are explained, then every value is masked and the best contact is marked', () => {
    const x = explainPerson(row());
    assert.deepEqual(
      x.contacts.map((c) => [c.value, c.best]),
      [
        ['+86 199****0001', true],
        ['w***@example.com', false],
        ['+86 199****0002', false],
      ],
    );
    assert.equal(x.bestContact, '+86 199****0001');
    assert.deepEqual(x.superseded, ['+86 199****0002']);
    const text = JSON.stringify(x);
    for (const raw of [PHONE, OLD_PHONE, EMAIL, '19912340001']) assert.ok(!text.includes(raw), `${raw} never appears`);
  });
});
