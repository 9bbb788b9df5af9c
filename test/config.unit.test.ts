import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  it('when nothing is set, then it runs on the local servers with the documented defaults', () => {
    const config = loadConfig({});
    assert.equal(config.useLocalInfra, true);
    assert.deepEqual(config.kafka.brokers, ['127.0.0.1:9092']);
    assert.equal(config.neo4j.uri, 'bolt://127.0.0.1:7687');
    assert.equal(config.http.port, 8080);
    assert.equal(config.kafka.partitions, 6);
  });

  const external = {
    KAFKA_BROKERS: 'k1:9092, k2:9093',
    NEO4J_URI: 'neo4j+s://db.example:7687',
    SOURCE_REGISTRY_FILE: '/etc/recontact/sources.json',
    IDENTIFIER_HMAC_KEY: 'ab'.repeat(32),
    AUTH_JWT_ISSUER: 'https://idp.example',
    AUTH_JWT_PUBLIC_KEY_FILES: '/etc/recontact/idp.pem',
    RELAY_POOL: '+8617100000000-+8617100000099',
    AUDIT_SIGNING_KEY_FILE: '/etc/recontact/audit.pem',
  };

  it('when both KAFKA_BROKERS and NEO4J_URI are set, then the external servers are used', () => {
    const config = loadConfig(external);
    assert.equal(config.useLocalInfra, false);
    assert.deepEqual(config.kafka.brokers, ['k1:9092', 'k2:9093']);
    assert.equal(config.ingest.identifierKey?.length, 32);
  });

  it('when external servers are used without registry, keys, issuer or pool, then each is named as required', () => {
    const problems = problemsOf({ KAFKA_BROKERS: external.KAFKA_BROKERS, NEO4J_URI: external.NEO4J_URI });
    assert.equal(problems.length, 6);
    assert.match(problems[0] ?? '', /^SOURCE_REGISTRY_FILE: required when KAFKA_BROKERS and NEO4J_URI are set/);
    assert.match(problems[1] ?? '', /^IDENTIFIER_HMAC_KEY: required .*openssl rand -hex 32/);
    assert.match(problems[2] ?? '', /^AUTH_JWT_ISSUER: required/);
    assert.match(problems[3] ?? '', /^RELAY_POOL: required/);
    assert.match(problems[4] ?? '', /^AUDIT_SIGNING_KEY_FILE: required/);
    assert.match(problems[5] ?? '', /^AUTH_JWT_PUBLIC_KEY_FILES: required \(or AUTH_JWKS_FILE\)/);
  });

  it('when HS256 is enabled without a secret, then the secret is named as required', () => {
    const [problem] = problemsOf({ ...external, AUTH_ALLOW_HS256: 'true' });
    assert.match(problem ?? '', /^AUTH_HS256_SECRET: required when AUTH_ALLOW_HS256=true/);
  });

  it('when audit retention is below five years, then it is refused', () => {
    const [problem] = problemsOf({ ...external, AUDIT_RETENTION_DAYS: '365' });
    assert.match(problem ?? '', /^AUDIT_RETENTION_DAYS: must keep audit records at least 5 years/);
  });

  it('when the identifier key is too short, then it is refused without echoing it', () => {
    const [problem] = problemsOf({ ...external, IDENTIFIER_HMAC_KEY: 'abcd1234' });
    assert.match(problem ?? '', /^IDENTIFIER_HMAC_KEY: must be at least 64 hex characters/);
    assert.doesNotMatch(problem ?? '', /abcd1234/);
  });

  it('when only one of KAFKA_BROKERS and NEO4J_URI is set, then the error names the missing one', () => {
    const [problem] = problemsOf({ KAFKA_BROKERS: '127.0.0.1:9092' });
    assert.match(problem ?? '', /^NEO4J_URI: missing while KAFKA_BROKERS is set/);
  });

  it('when a value is bad, then the error names the variable, the problem and an example', () => {
    const problems = problemsOf({ PORT: 'eighty', KAFKA_BROKERS: 'no-port', NEO4J_URI: 'http://x' });
    const byName = (name: string) => problems.find((p) => p.startsWith(`${name}:`)) ?? '';
    assert.match(byName('PORT'), /example: PORT=8080/);
    assert.match(byName('KAFKA_BROKERS'), /host:port.*example: KAFKA_BROKERS=/);
    assert.match(byName('NEO4J_URI'), /bolt:\/\/ or neo4j:\/\/.*example: NEO4J_URI=bolt:/);
  });

  it('when a memory cap is out of range, then it is refused', () => {
    assert.match(problemsOf({ INFRA_NEO4J_HEAP_MIB: '16' })[0] ?? '', /^INFRA_NEO4J_HEAP_MIB:/);
  });

  const secondPair = { INFRA_DIR: '/tmp/second', INFRA_KAFKA_PORT: '19092', INFRA_KAFKA_CONTROLLER_PORT: '19093', INFRA_NEO4J_BOLT_PORT: '17687' };

  it('when the local ports are set, then the local servers listen there and the service connects there', () => {
    const config = loadConfig(secondPair);
    assert.equal(config.useLocalInfra, true);
    assert.deepEqual(config.kafka.brokers, ['127.0.0.1:19092']);
    assert.equal(config.neo4j.uri, 'bolt://127.0.0.1:17687');
    assert.deepEqual(
      { kafka: config.localInfra.kafkaPort, controller: config.localInfra.kafkaControllerPort, bolt: config.localInfra.neo4jBoltPort },
      { kafka: 19092, controller: 19093, bolt: 17687 },
    );
  });

  it('when two local servers would share a port, then the clash is named with both variables', () => {
    const [problem, ...more] = problemsOf({ ...secondPair, INFRA_NEO4J_BOLT_PORT: '19093' });
    assert.equal(more.length, 0);
    assert.match(problem ?? '', /^INFRA_NEO4J_BOLT_PORT: 19093 is also INFRA_KAFKA_CONTROLLER_PORT; each local server listens on its own port/);
  });

  it('when the servers are external, then the local ports are not checked', () => {
    assert.doesNotThrow(() => loadConfig({ ...external, INFRA_KAFKA_PORT: '9093' }));
  });

  it('when a local port is not a TCP port, then it is refused', () => {
    assert.match(problemsOf({ INFRA_KAFKA_PORT: '70000' })[0] ?? '', /^INFRA_KAFKA_PORT:.*example: INFRA_KAFKA_PORT=9092/);
  });
});
