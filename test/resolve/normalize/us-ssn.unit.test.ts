import { strict as assert } from 'node:assert';
import { checkUsSsn } from '../../../src/resolve/normalize/us-ssn.js';

// 078-05-1120 and 219-09-9999 are the SSA's own long-voided advertising numbers: synthetic.
describe('checkUsSsn', () => {
  it('accepts nine digits outside the never-issued ranges', () => {
    assert.deepEqual(checkUsSsn('219099999'), { ok: true, value: '219099999' });
    assert.deepEqual(checkUsSsn('078051120'), { ok: true, value: '078051120' });
  });

  it('when the area is 000, 666 or 9xx, then NEVER_ISSUED', () => {
    for (const ssn of ['000123456', '666123456', '900123456', '999123456']) {
      assert.deepEqual(checkUsSsn(ssn), { ok: false, reason: 'NEVER_ISSUED' }, ssn.slice(0, 3));
    }
  });

  it('when the group is 00 or the serial 0000, then NEVER_ISSUED', () => {
    assert.deepEqual(checkUsSsn('219009999'), { ok: false, reason: 'NEVER_ISSUED' });
    assert.deepEqual(checkUsSsn('219090000'), { ok: false, reason: 'NEVER_ISSUED' });
  });

  it('accepts the edges of the issued ranges', () => {
    for (const ssn of ['001010001', '665999999', '667010001', '899999999']) {
      assert.equal(checkUsSsn(ssn).ok, true, ssn);
    }
  });

  it('when it is not nine characters, then BAD_LENGTH', () => {
    for (const ssn of ['', '21909999', '2190999990']) {
      assert.deepEqual(checkUsSsn(ssn), { ok: false, reason: 'BAD_LENGTH' });
    }
  });

  it('when it holds anything but digits, then BAD_CHARACTERS', () => {
    assert.deepEqual(checkUsSsn('21909999A'), { ok: false, reason: 'BAD_CHARACTERS' });
    assert.deepEqual(checkUsSsn('219-09-9999'), { ok: false, reason: 'BAD_CHARACTERS' });
  });
});
