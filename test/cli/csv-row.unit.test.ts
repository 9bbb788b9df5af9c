import { strict as assert } from 'node:assert';
import { csvField, csvRow } from '../../src/cli/csv-row.js';

describe('CSV rows (RFC 4180)', () => {
  it('when fields are plain, then they are written as they are, comma-separated, ending in CRLF', () => {
    assert.equal(csvRow(['demo-telco', 'T-1', '']), 'demo-telco,T-1,\r\n');
  });

  it('when a field holds a comma, a quote, CR or LF, then it is quoted and its quotes doubled', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('line\nbreak'), '"line\nbreak"');
    assert.equal(csvField('cr\rhere'), '"cr\rhere"');
    assert.equal(csvRow(['x', 'R-1,"2"', 'p']), 'x,"R-1,""2""",p\r\n');
  });

  it('when a field has spaces or other punctuation, then it is left unquoted', () => {
    assert.equal(csvField(' a;b\t'), ' a;b\t');
  });
});
