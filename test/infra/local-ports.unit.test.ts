import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaServer } from '../../infra/kafka-server.js';
import { ensurePassword, neo4jServer } from '../../infra/neo4j-server.js';
import { assertListensAsConfigured } from '../../infra/managed-server.js';
import { infraPaths } from '../../infra/paths.js';
import type { LocalInfraSettings } from '../../src/config.js';

/** A second set of local servers beside the default one: its own state dir and ports. */
describe('local servers on configured ports', () => {
  let dir: string;
  let settings: LocalInfraSettings;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recontact-ports-'));
    settings = { dir, kafkaHeapMiB: 512, neo4jHeapMiB: 512, neo4jPageCacheMiB: 128, startTimeoutMs: 60_000, kafkaPort: 19092, kafkaControllerPort: 19093, neo4jBoltPort: 17687 };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when Kafka is prepared, then its client and controller listeners use the configured ports and the default ones nowhere', async () => {
    const paths = infraPaths(settings);
    const kafka = kafkaServer(paths, settings);
    assert.deepEqual(kafka.ports, [19092, 19093]);
    assert.equal(kafka.listening, '127.0.0.1:19092');
    // Storage that looks formatted already: prepare only writes the properties, without running Java.
    mkdirSync(paths.kafka.data, { recursive: true });
    writeFileSync(join(paths.kafka.data, 'meta.properties'), 'cluster.id=test\n');
    await kafka.prepare(() => undefined);
    const properties = readFileSync(paths.kafka.config, 'utf8');
    assert.match(properties, /^listeners=PLAINTEXT:\/\/127\.0\.0\.1:19092,CONTROLLER:\/\/127\.0\.0\.1:19093$/m);
    assert.match(properties, /^advertised\.listeners=PLAINTEXT:\/\/127\.0\.0\.1:19092$/m);
    assert.match(properties, /^controller\.quorum\.voters=1@127\.0\.0\.1:19093$/m);
    assert.doesNotMatch(properties, /:909[23]\b/);
  });

  it('when Neo4j is started, then Bolt listens on the configured port', async () => {
    const paths = infraPaths(settings);
    await ensurePassword(paths.neo4j.password);
    const neo4j = neo4jServer(paths, settings);
    assert.deepEqual(neo4j.ports, [17687]);
    assert.equal(neo4j.listening, 'bolt://127.0.0.1:17687');
    const args = neo4j.command().args;
    assert.equal(args[args.indexOf('--bolt') + 1], '127.0.0.1:17687');
  });

  it('when a server of this state dir runs on other ports than the settings name, then using it is refused, naming both addresses', async () => {
    const kafka = kafkaServer(infraPaths(settings), settings);
    mkdirSync(kafka.home, { recursive: true });
    writeFileSync(join(kafka.home, 'listening'), '127.0.0.1:9092\n');
    await assert.rejects(assertListensAsConfigured(kafka, 4242), /Kafka .*\(pid 4242\) listens on 127\.0\.0\.1:9092, but the settings say 127\.0\.0\.1:19092/);
    writeFileSync(join(kafka.home, 'listening'), '127.0.0.1:19092\n');
    await assertListensAsConfigured(kafka, 4242);
  });

  it('when a running server recorded no address (started by an older launcher), then it is used as before', async () => {
    await assertListensAsConfigured(neo4jServer(infraPaths(settings), settings), 4242);
  });
});
