import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { CliError } from '../../src/cli/cli-error.js';
import { mintToken } from '../../src/cli/token-command.js';
import { parseTokenRequest } from '../../src/cli/token-request.js';
import { loadConfig } from '../../src/config.js';
import { DEV_TOKEN_ISSUER, ensureAccessKeys } from '../../src/dev-access.js';
import { loadVerificationKeys } from '../../src/http/auth/load-verification-keys.js';
import { TokenVerifier } from '../../src/http/auth/token-verifier.js';
import { rsaKeyPair, tempDir, writeFile } from '../http/auth/token-fixtures.js';
import { runCli } from '../support/run-cli.js';

describe('recontact token', () => {
  const infraDir = tempDir();
  const config = loadConfig({ INFRA_DIR: infraDir, AUTH_JWT_ISSUER: '', AUTH_JWT_AUDIENCE: '' });
  const devVerifier = () =>
    new TokenVerifier({
      keys: loadVerificationKeys({
        publicKeyFiles: [ensureAccessKeys(join(infraDir, 'dev')).tokenPublicKeyFile],
        jwksFile: undefined,
        hs256Secret: undefined,
      }),
      issuer: DEV_TOKEN_ISSUER,
      audience: config.auth.audience,
    });

  it('when a collector token is minted with the development key, then the verifier built from the dev public key accepts it', () => {
    const token = mintToken(
      config,
      parseTokenRequest([
        '--role',
        'collector',
        '--creditor',
        'c1',
        '--ttl',
        '30m',
        '--sub',
        'ops-1',
      ]),
    );
    assert.deepEqual(devVerifier().verify(token), {
      ok: true,
      actor: { subject: 'ops-1', role: 'collector', creditor: 'c1' },
    });
    const payload = jwt.decode(token) as { exp: number; iat: number; jti?: string };
    assert.equal(payload.exp - payload.iat, 1800);
    assert.equal(typeof payload.jti, 'string');
    assert.equal(jwt.decode(token, { complete: true })?.header.alg, 'ES256');
  });

  it('when --key and --issuer name another key, then the token is RS256 from that key and issuer', () => {
    const rsa = rsaKeyPair();
    const dir = tempDir();
    const keyFile = writeFile(
      dir,
      'rsa.key.pem',
      rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const token = mintToken(
      config,
      parseTokenRequest(['--role', 'admin', '--key', keyFile, '--issuer', 'https://idp.test']),
    );
    const verifier = new TokenVerifier({
      keys: loadVerificationKeys({
        publicKeyFiles: [writeFile(dir, 'rsa.pem', rsa.publicPem)],
        jwksFile: undefined,
        hs256Secret: undefined,
      }),
      issuer: 'https://idp.test',
      audience: config.auth.audience,
    });
    assert.deepEqual(verifier.verify(token), {
      ok: true,
      actor: { subject: 'dev-admin', role: 'admin' },
    });
    assert.equal(devVerifier().verify(token).ok, false);
  });

  describe('misuse exits 2 with a message naming the flag', () => {
    const misuse: [string[], RegExp][] = [
      [[], /--role is required; roles: collector, telephony, privacy_officer, admin/],
      [
        ['--role', 'boss'],
        /--role must be one of the roles \(got 'boss'\); roles: collector, telephony, privacy_officer, admin/,
      ],
      [['--role', 'collector'], /--creditor is required with --role collector/],
      [['--role', 'admin', '--creditor', 'c1'], /--creditor is not allowed with --role admin/],
      [
        ['--role', 'privacy_officer', '--creditor', 'c1'],
        /--creditor is not allowed with --role privacy_officer/,
      ],
      [['--role', 'collector', '--creditor', 'c 1'], /--creditor may use only letters/],
      [['--role', 'telephony', '--ttl', '7d'], /--ttl must be .* from 1s to 24h \(got '7d'/],
      [['--role', 'telephony', '--ttl', '90'], /--ttl must be/],
      [['--role', 'telephony', '--ttl', '0m'], /--ttl must be/],
      [['--role', 'telephony', '--sub', 'has space'], /--sub must be/],
      [['--role', 'telephony', 'extra'], /unexpected argument 'extra'/],
      [['--role', 'telephony', '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of misuse) {
      it(`when run with [${args.join(' ')}], then it says ${message.source}`, () => {
        assert.throws(
          () => parseTokenRequest(args),
          (error: unknown) =>
            error instanceof CliError && error.exitCode === 2 && message.test(error.message),
        );
      });
    }

    it('when --key is given without an issuer, then it asks for --issuer', () => {
      const keyFile = writeFile(
        tempDir(),
        'k.pem',
        rsaKeyPair().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      );
      assert.throws(
        () => mintToken(config, parseTokenRequest(['--role', 'admin', '--key', keyFile])),
        /--issuer is required with --key/,
      );
    });

    it('when --key cannot be read or is not a private key, then it names --key', () => {
      const dir = tempDir();
      assert.throws(
        () =>
          mintToken(
            config,
            parseTokenRequest(['--role', 'admin', '--key', join(dir, 'nope.pem'), '--issuer', 'i']),
          ),
        /--key .*nope\.pem cannot be read/,
      );
      const publicOnly = writeFile(dir, 'pub.pem', rsaKeyPair().publicPem);
      assert.throws(
        () =>
          mintToken(
            config,
            parseTokenRequest(['--role', 'admin', '--key', publicOnly, '--issuer', 'i']),
          ),
        /--key .* is not a PEM private key/,
      );
    });
  });

  it('when run as a command, then stdout is the token alone, and misuse exits 2 with nothing on stdout', async function () {
    this.timeout(30_000);
    // As on a developer's machine: local servers, no issuer configured, so the development issuer is used.
    const ok = await runCli(['token', '--role', 'collector', '--creditor', 'c1', '--ttl', '1h'], {
      INFRA_DIR: infraDir,
      KAFKA_BROKERS: '',
      NEO4J_URI: '',
      AUTH_JWT_ISSUER: '',
      AUTH_JWT_AUDIENCE: '',
    });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    assert.equal(devVerifier().verify(ok.stdout.trim()).ok, true);
    const bad = await runCli(['token', '--role', 'collector'], {
      INFRA_DIR: infraDir,
      KAFKA_BROKERS: '',
      NEO4J_URI: '',
      AUTH_JWT_ISSUER: '',
      AUTH_JWT_AUDIENCE: '',
    });
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /--creditor is required/);
  });
});
