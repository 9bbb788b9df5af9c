import { strict as assert } from 'node:assert';
import { normalizeEmail } from '../../../src/resolve/normalize/email.js';

function address(raw: string): string {
  const result = normalizeEmail(raw);
  assert.ok(result.ok, `expected ${raw} to normalize, got ${result.ok ? '' : result.reason}`);
  return result.value.address;
}

function rejection(raw: string): string {
  const result = normalizeEmail(raw);
  assert.ok(!result.ok, `expected ${raw} to be rejected`);
  return result.reason;
}

describe('normalizeEmail', () => {
  it('trims and lower-cases the domain and, deliberately, the local part', () => {
    assert.deepEqual(normalizeEmail('  Wei.Wang@Example.COM '), {
      ok: true,
      value: { address: 'wei.wang@example.com', local: 'wei.wang', domain: 'example.com' },
    });
  });

  it('keeps dots and +tags outside Gmail, where they may name different mailboxes', () => {
    assert.equal(address('wei.wang+bills@example.com'), 'wei.wang+bills@example.com');
    assert.equal(address('w.e.i@outlook.example'), 'w.e.i@outlook.example');
  });

  it('for Gmail, strips dots and the +tag, so every spelling of the mailbox is one address', () => {
    for (const raw of [
      'Wei.Wang@gmail.com',
      'weiwang+bills@gmail.com',
      'w.e.i.w.a.n.g+a+b@GMAIL.com',
    ]) {
      assert.equal(address(raw), 'weiwang@gmail.com', raw);
    }
  });

  it('maps googlemail.com to gmail.com', () => {
    assert.equal(address('wei.wang+x@googlemail.com'), 'weiwang@gmail.com');
  });

  it('when a Gmail local part is only a +tag, then BAD_LOCAL_PART', () => {
    assert.equal(rejection('+bills@gmail.com'), 'BAD_LOCAL_PART');
  });

  it('folds full-width characters typed with a CJK input method', () => {
    assert.equal(address('ｗｅｉ＠ｅｘａｍｐｌｅ．ｃｏｍ'), 'wei@example.com');
  });

  it('writes an internationalized domain in punycode, so both spellings match', () => {
    assert.equal(address('wei@Bücher.example'), 'wei@xn--bcher-kva.example');
    assert.equal(address('wei@xn--bcher-kva.example'), 'wei@xn--bcher-kva.example');
  });

  it('accepts an internationalized local part', () => {
    assert.equal(address('王伟@example.com'), '王伟@example.com');
  });

  it('when it is blank, then EMPTY', () => {
    assert.equal(rejection(''), 'EMPTY');
    assert.equal(rejection('   '), 'EMPTY');
  });

  it('when there is no @, then MISSING_AT', () => {
    assert.equal(rejection('wei.wang.example.com'), 'MISSING_AT');
  });

  it('when the local part is empty, dotted wrongly, quoted or too long, then BAD_LOCAL_PART', () => {
    for (const raw of [
      '@example.com',
      '.wei@example.com',
      'wei.@example.com',
      'wei..wang@example.com',
      '"wei wang"@example.com',
      'wei wang@example.com',
      'wei@wang@example.com',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      assert.equal(rejection(raw), 'BAD_LOCAL_PART', raw);
    }
  });

  it('when the domain is not a host name with a real top-level domain, then BAD_DOMAIN', () => {
    for (const raw of [
      'wei@',
      'wei@localhost',
      'wei@example',
      'wei@example..com',
      'wei@-example.com',
      'wei@example-.com',
      'wei@exa mple.com',
      'wei@example.com.',
      'wei@192.168.0.1',
      'wei@[192.168.0.1]',
      `wei@${'a'.repeat(64)}.com`,
    ]) {
      assert.equal(rejection(raw), 'BAD_DOMAIN', raw);
    }
  });

  it('when the whole address passes 254 bytes, then TOO_LONG', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.com`;
    assert.equal(rejection(`${'w'.repeat(64)}@${domain}`), 'TOO_LONG');
  });
});
