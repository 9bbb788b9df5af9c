import { strict as assert } from 'node:assert';
import { maskContact, maskEmail, maskPhone } from '../../src/cli/mask-contact.js';

const hiddenDigits = (masked: string, e164: string) => e164.replace(/\D/g, '').length - masked.replace(/\D/g, '').length;

describe('contact masking', () => {
  it('when a CN mobile is masked, then the country code, the first three and the last four digits show', () => {
    assert.equal(maskPhone('+8619912340001'), '+86 199****0001');
  });

  it('when numbers of other lengths are masked, then at least four digits stay hidden and the mask is always ****', () => {
    const cases: [string, string][] = [
      ['+12025550123', '+1 20****0123'],
      ['+33612345678', '+33 6****5678'],
      ['+85291234567', '+852 ****4567'],
      ['+442079460958', '+44 20****0958'],
    ];
    for (const [e164, masked] of cases) {
      assert.equal(maskPhone(e164), masked);
      assert.ok(hiddenDigits(masked, e164) >= 4, `${masked} hides at least four digits`);
    }
  });

  it('when a value is not a parseable number, then it is still masked, never echoed', () => {
    assert.equal(maskPhone('+999123456'), '+9****3456');
    assert.equal(maskPhone('12'), '+****');
  });

  it('when an email is masked, then only the first character of the local part and the domain show', () => {
    assert.equal(maskEmail('wang.wei@example.com'), 'w***@example.com');
    assert.equal(maskEmail('王小明@例子.中国'), '王***@例子.中国');
    assert.equal(maskEmail('ab@example.com'), '***@example.com', 'a short local part shows nothing');
    assert.equal(maskEmail('not-an-address'), '****');
  });

  it('when a contact is masked by kind, then phones and emails get their own masks', () => {
    assert.equal(maskContact('phone', '+8619912340001'), '+86 199****0001');
    assert.equal(maskContact('email', 'li@example.org'), '***@example.org');
  });
});
