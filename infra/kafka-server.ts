import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { Kafka, logLevel } from 'kafkajs';

import type { LocalInfraSettings } from '../src/config.js';
import { LocalInfraError, indentBlock } from './errors.js';
import type { ManagedServer, Probe } from './managed-server.js';
import type { InfraPaths } from './paths.js';
import { run } from './toolchain.js';

export const KAFKA_HOST = '127.0.0.1';
const MAIN_CLASS = 'kafka.Kafka';
const STORAGE_TOOL = 'kafka.tools.StorageTool';

/** Apache Kafka in KRaft combined mode: one JVM that is both the only broker and the only controller. */
export function kafkaServer(paths: InfraPaths, settings: LocalInfraSettings): ManagedServer {
  const k = paths.kafka;
  const classpath = path.join(k.lib, '*');
  const common = [
    // The GC settings Kafka's own kafka-run-class.sh uses.
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-XX:MaxInlineLevel=15',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${k.log4j}`,
    '-cp',
    classpath,
  ];
  const heap = `${settings.kafkaHeapMiB}m`;
  const broker = kafkaBroker(settings);
  // Without an explicit cap the short-lived storage tool would size its heap from the machine's RAM.
  const tool = (args: string[]) => run('java', ['-Xmx256m', ...common, STORAGE_TOOL, ...args]);

  return {
    name: 'kafka',
    title: 'Kafka',
    listening: broker,
    ports: [settings.kafkaPort, settings.kafkaControllerPort],
    home: k.home,
    pidFile: k.pid,
    logFile: k.log,
    // The config path ties the process to this state dir, not just to "some Kafka".
    markers: [MAIN_CLASS, k.config],
    mavenDir: k.assets,
    mavenLabel: 'Apache Kafka 3.9.1',
    async prepare(log) {
      await mkdir(k.data, { recursive: true });
      await writeFile(k.config, serverProperties(k.data, settings));
      // KRaft refuses to start on unformatted storage; formatting is only needed the first time.
      if (existsSync(path.join(k.data, 'meta.properties'))) return;
      const clusterId = await ensureClusterId(paths, tool);
      log(`Kafka: formatting storage in ${k.data} (cluster id ${clusterId})`);
      const format = await tool(['format', '-t', clusterId, '-c', k.config, '--ignore-formatted']);
      await appendFile(k.log, format.output);
      if (format.code !== 0) {
        throw new LocalInfraError(
          `formatting the Kafka storage in ${k.data} failed (exit code ${format.code}). If the data there is ` +
            `disposable, delete ${k.home} and try again.` +
            indentBlock('Output:', format.output.trim().split('\n').slice(-15)),
        );
      }
    },
    command: () => ({ args: [`-Xms${heap}`, `-Xmx${heap}`, ...common, MAIN_CLASS, k.config] }),
    probe: () => probeKafka([broker]),
  };
}

/** The local broker's client address, `host:port`. */
export function kafkaBroker(settings: Pick<LocalInfraSettings, 'kafkaPort'>): string {
  return `${KAFKA_HOST}:${settings.kafkaPort}`;
}

/**
 * The ports come from the settings, so a second state dir can run its own broker beside the first
 * (a run that stops and starts its servers must not touch ones others use).
 */
function serverProperties(
  dataDir: string,
  ports: Pick<LocalInfraSettings, 'kafkaPort' | 'kafkaControllerPort'>,
): string {
  const controller = `${KAFKA_HOST}:${ports.kafkaControllerPort}`;
  const broker = kafkaBroker(ports);
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${controller}`,
    listeners: `PLAINTEXT://${broker},CONTROLLER://${controller}`,
    'advertised.listeners': `PLAINTEXT://${broker}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': dataDir,
    // A single node cannot hold more than one replica of anything.
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    // Topics are created on purpose, with the partition count the service asks for.
    'auto.create.topics.enable': false,
    // Consumers in tests join one by one; do not hold the first rebalance back for them.
    'group.initial.rebalance.delay.ms': 0,
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${String(value)}`);
  return `# Written by infra/kafka-server.ts on every start; edits here are overwritten.\n${lines.join('\n')}\n`;
}

/**
 * The cluster id lives next to the data so restarts reuse it. If the id file was lost but the
 * data survived, the id is recovered from the data's meta.properties instead of minting a new one
 * that would not match.
 */
async function ensureClusterId(
  paths: InfraPaths,
  tool: (args: string[]) => ReturnType<typeof run>,
): Promise<string> {
  const stored = await readFile(paths.kafka.clusterId, 'utf8').then(
    (s) => s.trim(),
    () => '',
  );
  if (stored) return stored;
  const meta = await readFile(path.join(paths.kafka.data, 'meta.properties'), 'utf8').catch(
    () => '',
  );
  const fromMeta = /^cluster\.id=(.+)$/m.exec(meta)?.[1]?.trim();
  const generated = fromMeta ?? (await newClusterId(tool));
  await writeFile(paths.kafka.clusterId, `${generated}\n`);
  return generated;
}

async function newClusterId(tool: (args: string[]) => ReturnType<typeof run>): Promise<string> {
  const result = await tool(['random-uuid']);
  // The tool's logging shares stdout with the id; the id is the one line that is a bare base64 UUID.
  const id = result.output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^[A-Za-z0-9_-]{22}$/.test(line));
  if (result.code !== 0 || id === undefined) {
    throw new LocalInfraError(
      `could not generate a Kafka cluster id (${STORAGE_TOOL} random-uuid, exit code ${result.code}).` +
        indentBlock('Output:', result.output.trim().split('\n').slice(-15)),
    );
  }
  return id;
}

/** Ready means the broker answers a metadata request, not merely that its port accepts connections. */
export async function probeKafka(brokers: string[]): Promise<Probe> {
  const kafka = new Kafka({
    clientId: 'recontact-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) return { ready: false, reason: 'no broker registered yet' };
    await admin.listTopics();
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
