import { strict as assert } from 'node:assert';
import type { SourceDefinition } from '../../contracts/source-registry.js';
import { createDevelopmentRegistry } from '../../src/ingest/dev-registry.js';
import { recordOfProcessing } from '../../src/privacy/record-of-processing.js';

const AT = new Date('2024-06-01T00:00:00Z');

describe('record of processing (recontact ropa)', () => {
  const sources = createDevelopmentRegistry().sources;
  const text = recordOfProcessing(sources, AT);

  it('when generated, then each source has its own section with kind, legal basis, data categories and retention', () => {
    for (const s of sources) {
      const section = text.slice(text.indexOf(`(\`${s.id}\`)`)).split('\n### ')[0]!;
      assert.match(section, new RegExp(`\\| kind \\| ${s.kind} \\|`));
      assert.ok(section.includes(`| legal basis | ${s.legalBasis} |`), s.id);
      assert.ok(section.includes(`| retention | ${s.retentionDays} days`), s.id);
    }
    const telco = text.slice(text.indexOf('(`demo-telco`)'));
    assert.match(telco, /categories of data \| names; national id numbers[^|]*; phone numbers[^|]*; third parties' phone numbers \(held only as a keyed HMAC/);
    assert.doesNotMatch(telco, /date of birth/, 'only the fields the source is permitted');
  });

  it('when generated, then it states the purposes, that creditors receive no personal data, and the safeguards', () => {
    assert.match(text, /## Purposes[\s\S]*Matching[\s\S]*masked relay|relay numbers/);
    assert.match(text, /Creditors receive no personal data: only their case's status .* and relay numbers/);
    assert.match(text, /## Safeguards[\s\S]*HMAC[\s\S]*audit log/);
  });

  it('when the registry text holds a pipe, then it cannot break the table', () => {
    const odd: SourceDefinition = { ...sources[0]!, id: 'odd', legalBasis: 'Art. 6(1)(b) | contract' };
    assert.ok(recordOfProcessing([odd], AT).includes('| legal basis | Art. 6(1)(b) \\| contract |'));
  });

  it('when generated twice from the same registry, then the output is identical (sources in id order)', () => {
    assert.equal(recordOfProcessing([...sources].reverse(), AT), text);
    assert.ok(text.indexOf('`demo-creditor`') < text.indexOf('`demo-registry`'));
  });
});
