import { strict as assert } from 'node:assert';
import { ConfigError } from '../../../src/config.js';
import {
  loadVerificationKeys,
  type KeySettings,
} from '../../../src/http/auth/load-verification-keys.js';
import { TokenVerifier } from '../../../src/http/auth/token-verifier.js';
import {
  AUDIENCE,
  ISSUER,
  claims,
  ecKeyPair,
  hmacToken,
  rsaKeyPair,
  selfSignedCertificate,
  sign,
  tempDir,
  writeFile,
  writeJwks,
} from './token-fixtures.js';

const HS_SECRET = 'a-development-secret-of-at-least-32-chars';

describe('TokenVerifier (keys, algorithms, claims)', () => {
  const dir = tempDir();
  const ec = ecKeyPair();
  const rsa = rsaKeyPair();
  const ecFile = writeFile(dir, 'ec.pem', ec.publicPem);
  const rsaFile = writeFile(dir, 'rsa.pem', rsa.publicPem);
  const none: KeySettings = { publicKeyFiles: [], jwksFile: undefined, hs256Secret: undefined };
  const verifier = (settings: Partial<KeySettings>) =>
    new TokenVerifier({
      keys: loadVerificationKeys({ ...none, ...settings }),
      issuer: ISSUER,
      audience: AUDIENCE,
    });

  it('when an ES256 token is signed by a configured P-256 PEM key, then it maps to the actor', () => {
    const result = verifier({ publicKeyFiles: [ecFile] }).verify(
      sign(claims(), ec.privateKey, 'ES256'),
    );
    assert.deepEqual(result, {
      ok: true,
      actor: { subject: 'alice', role: 'collector', creditor: 'c1' },
    });
  });

  it('when an RS256 token is signed by a configured RSA PEM key, then it is accepted', () => {
    const token = sign(claims({ role: 'admin', creditor: undefined }), rsa.privateKey, 'RS256');
    assert.deepEqual(verifier({ publicKeyFiles: [ecFile, rsaFile] }).verify(token), {
      ok: true,
      actor: { subject: 'alice', role: 'admin' },
    });
  });

  it('when the PEM file is a certificate, then its subject key verifies tokens', function () {
    const cert = selfSignedCertificate(dir, ec);
    if (cert === undefined) this.skip();
    assert.equal(
      verifier({ publicKeyFiles: [cert] }).verify(sign(claims(), ec.privateKey, 'ES256')).ok,
      true,
    );
  });

  it('when a JWKS file holds several keys, then the token kid selects the key that must have signed it', () => {
    const second = ecKeyPair();
    const jwks = writeJwks(dir, [
      { pair: ec, kid: 'k1' },
      { pair: second, kid: 'k2' },
      { pair: rsa, kid: 'r1', extra: { alg: 'RS256' } },
    ]);
    const v = verifier({ jwksFile: jwks });
    assert.equal(v.verify(sign(claims(), second.privateKey, 'ES256', 'k2')).ok, true);
    assert.equal(v.verify(sign(claims(), rsa.privateKey, 'RS256', 'r1')).ok, true);
    assert.deepEqual(v.verify(sign(claims(), second.privateKey, 'ES256', 'k1')), {
      ok: false,
      code: 'TOKEN_INVALID',
      check: 'signature',
    });
  });

  it('when an HS256 secret is configured, then HS256 tokens with that secret are accepted, and otherwise refused', () => {
    const token = hmacToken(claims(), HS_SECRET);
    assert.equal(verifier({ hs256Secret: HS_SECRET }).verify(token).ok, true);
    assert.deepEqual(verifier({ publicKeyFiles: [ecFile] }).verify(token), {
      ok: false,
      code: 'TOKEN_INVALID',
      check: 'key',
    });
  });

  it('when a token is HS256-signed with the public key PEM, then it is refused even with an HS256 secret configured', () => {
    const forged = hmacToken(claims(), ec.publicPem);
    assert.equal(verifier({ publicKeyFiles: [ecFile] }).verify(forged).ok, false);
    assert.deepEqual(
      verifier({ publicKeyFiles: [ecFile], hs256Secret: HS_SECRET }).verify(forged),
      {
        ok: false,
        code: 'TOKEN_INVALID',
        check: 'signature',
      },
    );
  });

  it('when a token names RS256 but only an EC key is trusted, then no key is tried', () => {
    const result = verifier({ publicKeyFiles: [ecFile] }).verify(
      sign(claims(), rsa.privateKey, 'RS256'),
    );
    assert.deepEqual(result, { ok: false, code: 'TOKEN_INVALID', check: 'key' });
  });

  it('when exp is missing or too far ahead, then the token is refused', () => {
    const v = verifier({ publicKeyFiles: [ecFile] });
    const now = Math.floor(Date.now() / 1000);
    assert.equal(
      check(v.verify(sign(claims({ exp: undefined }), ec.privateKey, 'ES256'))),
      'expiry_missing',
    );
    assert.equal(
      check(v.verify(sign(claims({ exp: now + 48 * 3600 }), ec.privateKey, 'ES256'))),
      'lifetime',
    );
    assert.equal(
      check(
        v.verify(sign(claims({ iat: now - 25 * 3600, exp: now + 600 }), ec.privateKey, 'ES256')),
      ),
      'lifetime',
    );
  });

  it('when the clock is within the tolerance of exp and nbf, then the token is still accepted', () => {
    const now = Math.floor(Date.now() / 1000);
    const v = verifier({ publicKeyFiles: [ecFile] });
    assert.equal(
      v.verify(sign(claims({ exp: now - 10, iat: now - 100 }), ec.privateKey, 'ES256')).ok,
      true,
    );
    assert.equal(v.verify(sign(claims({ nbf: now + 10 }), ec.privateKey, 'ES256')).ok, true);
  });

  it('when a token verified before has expired since, then it is refused as expired: a verified signature is remembered, its claims are not', () => {
    let nowMs = Date.now();
    const v = new TokenVerifier({
      keys: loadVerificationKeys({ ...none, publicKeyFiles: [ecFile] }),
      issuer: ISSUER,
      audience: AUDIENCE,
      clock: () => new Date(nowMs),
    });
    const token = sign(claims(), ec.privateKey, 'ES256');
    assert.equal(v.verify(token).ok, true);
    nowMs += 3600_000;
    const again = v.verify(token);
    assert.equal(again.ok ? 'accepted' : `${again.code} ${again.check}`, 'TOKEN_EXPIRED expired');
  });

  it('when a verified token comes back with one character of its signature changed, then it is refused', () => {
    const v = verifier({ publicKeyFiles: [ecFile] });
    const token = sign(claims(), ec.privateKey, 'ES256');
    assert.equal(v.verify(token).ok, true);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    assert.equal(check(v.verify(`${token.slice(0, -2)}${last}${token.at(-1)}`)), 'signature');
  });

  it('when role and creditor disagree, then the token is refused naming the creditor check', () => {
    const v = verifier({ publicKeyFiles: [ecFile] });
    assert.equal(
      check(v.verify(sign(claims({ role: 'admin' }), ec.privateKey, 'ES256'))),
      'creditor',
    );
    assert.equal(
      check(v.verify(sign(claims({ creditor: 'c1 OR 1=1' }), ec.privateKey, 'ES256'))),
      'creditor',
    );
    assert.equal(
      v.verify(sign(claims({ role: 'telephony', creditor: undefined }), ec.privateKey, 'ES256')).ok,
      true,
    );
    assert.equal(v.verify(sign(claims({ role: 'telephony' }), ec.privateKey, 'ES256')).ok, true);
    assert.equal(
      check(v.verify(sign(claims({ sub: undefined }), ec.privateKey, 'ES256'))),
      'subject',
    );
  });

  describe('key configuration', () => {
    const fails = (settings: Partial<KeySettings>, pattern: RegExp) =>
      assert.throws(
        () => loadVerificationKeys({ ...none, ...settings }),
        (error: unknown) => error instanceof ConfigError && pattern.test(error.message),
      );

    it('when a key file cannot be read, then start-up fails naming the variable and the file', () => {
      fails(
        { publicKeyFiles: [`${dir}/missing.pem`] },
        /AUTH_JWT_PUBLIC_KEY_FILES: .*missing\.pem cannot be read \(ENOENT\)/,
      );
    });

    it('when a key file holds a private key, junk, or a key of another curve, then start-up fails saying why', () => {
      fails(
        {
          publicKeyFiles: [
            writeFile(
              dir,
              'priv.pem',
              ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
            ),
          ],
        },
        /private key/,
      );
      fails({ publicKeyFiles: [writeFile(dir, 'junk.pem', 'hello')] }, /no PEM public key/);
      fails(
        { publicKeyFiles: [writeFile(dir, 'p384.pem', ecKeyPair('P-384').publicPem)] },
        /secp384r1; only P-256/,
      );
      fails(
        { publicKeyFiles: [writeFile(dir, 'small.pem', rsaKeyPair(1024).publicPem)] },
        /1024-bit RSA key/,
      );
    });

    it('when the JWKS file is not JSON, not a JWKS, symmetric, private, or mislabelled, then start-up fails naming AUTH_JWKS_FILE', () => {
      fails({ jwksFile: writeFile(dir, 'bad.json', '{') }, /AUTH_JWKS_FILE: .* is not valid JSON/);
      fails(
        { jwksFile: writeFile(dir, 'nokeys.json', '{"k":[]}') },
        /AUTH_JWKS_FILE: .*needs a "keys" array/,
      );
      fails(
        { jwksFile: writeFile(dir, 'oct.json', '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}') },
        /symmetric key/,
      );
      const privateJwk = { keys: [{ ...ec.privateKey.export({ format: 'jwk' }), kid: 'p' }] };
      fails(
        { jwksFile: writeFile(dir, 'private.json', JSON.stringify(privateJwk)) },
        /key "p" holds private key material/,
      );
      fails(
        { jwksFile: writeJwks(dir, [{ pair: ec, kid: 'x', extra: { alg: 'HS256' } }]) },
        /declares alg HS256 but its key type only allows ES256/,
      );
      fails(
        {
          jwksFile: writeJwks(dir, [
            { pair: ec, kid: 'x' },
            { pair: rsa, kid: 'x' },
          ]),
        },
        /two keys with kid "x"/,
      );
    });
  });
});

function check(result: ReturnType<TokenVerifier['verify']>): string | undefined {
  return result.ok ? undefined : result.check;
}
