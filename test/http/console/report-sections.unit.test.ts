import { strict as assert } from 'node:assert';
import { labelOf, reportSections, valueText } from '../../../src/http/console/report-sections.js';

describe('subject report sections', () => {
  const report = {
    personId: 'P-1',
    generatedAt: '2026-06-10T02:00:00Z',
    records: [
      { sourceId: 'telco-a', legalBasis: 'legitimate_interest', sourceRecordId: 'SUB-1', phones: ['+8613800000000'] },
      { sourceId: 'registry', legalBasis: 'legal_obligation', sourceRecordId: 'R-9', birthDate: '1988-03-14' },
      { sourceId: 'telco-a', legalBasis: 'legitimate_interest', sourceRecordId: 'SUB-2', phones: [] },
    ],
    cases: [{ creditor: 'acme', caseId: 'C-1', status: 'open' }],
    restrictions: [],
    accesses: [{ at: '2026-06-09T00:00:00Z', actor: { subject: 'c-1', role: 'collector' }, action: 'relay.create' }],
  };

  it('when a report is laid out, then the subject comes first, records are grouped by source with the legal basis, then cases, restrictions and accesses', () => {
    const sections = reportSections(report);
    assert.deepEqual(sections.map((s) => s.title), ['Subject', 'Records by source', 'Cases', 'Restrictions', 'Accesses']);
    assert.deepEqual(sections[0]!.groups[0]!.items[0], [['person id', 'P-1'], ['generated at', '2026-06-10T02:00:00Z']]);
    const records = sections[1]!.groups;
    assert.deepEqual(records.map((g) => g.heading), [
      'Source telco-a — legal basis: legitimate_interest',
      'Source registry — legal basis: legal_obligation',
    ]);
    assert.deepEqual(records[0]!.items, [
      [['source record id', 'SUB-1'], ['phones', '+8613800000000']],
      [['source record id', 'SUB-2'], ['phones', '—']],
    ]);
    assert.deepEqual(sections[3]!.groups, [], 'no restrictions');
    assert.deepEqual(sections[4]!.groups[0]!.items[0]![1], ['actor', '{"subject":"c-1","role":"collector"}']);
  });

  it('when records are keyed by source with a legal basis per source, then they are grouped the same way', () => {
    const sections = reportSections({ records: { registry: { legalBasis: 'legal_obligation', records: [{ sourceRecordId: 'R-9' }] } } });
    assert.deepEqual(sections[0]!.groups, [
      { heading: 'Source registry — legal basis: legal_obligation', items: [[['source record id', 'R-9']]] },
    ]);
  });

  it('when the report has a section the console does not know, then it is shown rather than hidden', () => {
    const titles = reportSections({ ...report, retention: { deleteAfter: '2031-01-01' } }).map((s) => s.title);
    assert.equal(titles[titles.length - 1], 'retention');
  });

  it('when the body is not an object, then the known sections are shown empty', () => {
    assert.deepEqual(reportSections('oops').map((s) => [s.title, s.groups.length]), [
      ['Records by source', 0], ['Cases', 0], ['Restrictions', 0], ['Accesses', 0],
    ]);
  });

  it('when values are shown, then camelCase keys read as words and empty values as a dash', () => {
    assert.equal(labelOf('legalBasis'), 'legal basis');
    assert.equal(valueText(null), '—');
    assert.equal(valueText([1, 'a', true]), '1, a, true');
    assert.equal(valueText({ a: 1 }), '{"a":1}');
  });
});
