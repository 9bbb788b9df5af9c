import { strict as assert } from 'node:assert';
import { uniquePool } from '../relay/relay-fixture.js';
import { runCli } from '../support/run-cli.js';
import { spawnService, type ServiceProcess } from '../support/service-process.js';
import { uniqueName } from '../support/test-config.js';

/** The lines of one `== x.` section of the demo's output. */
function section(stdout: string, step: string): string {
  const start = stdout.indexOf(`== ${step}. `);
  if (start < 0) return '';
  const next = stdout.indexOf('\n== ', start + 1);
  const summary = stdout.indexOf('\nsummary', start);
  const end = [next, summary].filter((i) => i > 0).sort((a, b) => a - b)[0] ?? stdout.length;
  return stdout.slice(start, end);
}

describe('recontact demo against a running service (real Kafka and Neo4j)', function () {
  this.timeout(180_000);
  const pool = uniquePool(20);
  const env = {
    KAFKA_TOPIC_PREFIX: `${uniqueName('demo')}.`,
    KAFKA_TOPIC_PARTITIONS: '2',
    INGEST_GROUP_ID: uniqueName('demo-ingest'),
    RELAY_POOL: pool.spec,
    RELAY_POOL_NAME: uniqueName('demo-pool'),
    AUDIT_CHAIN: uniqueName('demo-chain'),
    LOG_LEVEL: 'warn',
  };
  let service: ServiceProcess;

  before(async () => {
    service = await spawnService(env);
  });
  after(async () => {
    service?.child.kill('SIGTERM');
    await service?.exited;
  });

  it('when the demo runs twice, then every step a–f succeeds each time, the service decides both ways, and no personal number is printed unmasked', async () => {
    for (let run = 0; run < 2; run++) {
      const started = Date.now();
      const res = await runCli(['demo', '--url', service.url, '--background', '4', '--token-key', process.env.RECONTACT_TEST_TOKEN_KEY_FILE ?? ''], env);
      assert.equal(res.code, 0, `${res.stdout}\n${res.stderr}`);
      assert.ok(Date.now() - started < 120_000, 'the demo finishes within two minutes');
      for (const step of ['a', 'b', 'c', 'd', 'e', 'f']) assert.match(res.stdout, new RegExp(`^  STEP ${step} ok `, 'm'), `step ${step}`);

      assert.match(section(res.stdout, 'a'), /\[service\] case DEMO-\w+-CASE-1: reachability reachable/);
      assert.match(section(res.stdout, 'a'), /unmatched/);
      assert.match(section(res.stdout, 'a'), /404 CASE_NOT_FOUND/);
      const relayNumber = /relay number (\+\d+)/.exec(section(res.stdout, 'b'))?.[1];
      assert.ok(relayNumber !== undefined && pool.numbers.includes(relayNumber), 'the relay number comes from the service pool');

      const routing = section(res.stdout, 'c');
      assert.match(routing, /\[service\] .*: connect to /, 'the service really allowed a call');
      assert.match(routing, /\[service\] .*: reject [A-Z_]+/, 'the service really denied a call');
      assert.match(routing, /\[policy, injected clock\] .*23:00 .*deny CN_CALLING_HOURS/);
      assert.match(routing, /\[policy, injected clock\] .*: allow$/m);

      assert.match(section(res.stdout, 'd'), /the frequent contact calls the relay: reject CALLER_NOT_PERMITTED/);
      assert.match(section(res.stdout, 'd'), /0 mentions in \d+ collector answers/);
      assert.match(section(res.stdout, 'e'), /1 active relay binding\(s\) revoked/);
      assert.match(section(res.stdout, 'e'), /reject RELAY_NOT_ACTIVE/);
      assert.match(section(res.stdout, 'e'), /423 CONTACT_RESTRICTED/);
      assert.match(section(res.stdout, 'f'), /GET \/v1\/audit\/verify: ok, chain /);

      // Only the service's own relay numbers are printed whole; a person's number only masked.
      for (const [number] of res.stdout.matchAll(/\+\d[\d ]{6,16}\d/g)) {
        assert.ok(pool.numbers.includes(number), `an unmasked number was printed: ${number.slice(0, 4)}…`);
      }
      assert.doesNotMatch(res.stdout.replace(/\+86170\d{8}/g, ''), /(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/, 'no national-format mobile number');
      assert.match(res.stdout, /\+86 199\*{4}\d{4}/, 'personal numbers appear masked');
    }
  });

  it('when no service answers at --url, then the demo exits 1 saying so, before sending anything', async () => {
    const res = await runCli(['demo', '--url', 'http://127.0.0.1:9', '--token-key', process.env.RECONTACT_TEST_TOKEN_KEY_FILE ?? ''], env);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /no service answers at http:\/\/127\.0\.0\.1:9 .*start the service first/);
    assert.equal(res.stdout, '');
  });
});
