#!/usr/bin/env node
import { loadConfig } from '../src/config.js';
import type { LocalInfraSettings } from '../src/config.js';
import {
  ensureLocalInfra,
  localInfraStatus,
  neo4jPasswordFile,
  stopLocalInfra,
} from './local-infra.js';
import { displayPath, projectRoot } from './paths.js';

/** `node dist/infra/cli.js up|down|status` — the npm scripts infra:up, infra:down, infra:status. */

const usage = 'usage: node dist/infra/cli.js up|down|status';
const say = (line: string) => console.log(line);

const commands: Record<string, (settings: LocalInfraSettings) => Promise<void>> = {
  async up(settings) {
    const started = Date.now();
    const { endpoints, started: startedNow } = await ensureLocalInfra(settings, say);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(
      startedNow.length > 0
        ? `Started ${startedNow.join(' and ')} in ${seconds} s.`
        : 'Everything was already running.',
    );
    say(`  Kafka  ${endpoints.kafkaBrokers.join(',')}`);
    say(
      `  Neo4j  ${endpoints.neo4jUri}  user ${endpoints.neo4jUser}, password in ${shown(neo4jPasswordFile(settings))}`,
    );
    say('Stop them with: npm run infra:down');
  },

  async down(settings) {
    const stopped = await stopLocalInfra(settings, undefined, say);
    say(stopped.length > 0 ? `Stopped ${stopped.join(' and ')}.` : 'Nothing was running.');
  },

  async status(settings) {
    for (const server of await localInfraStatus(settings)) {
      const state = server.running
        ? `running  pid ${String(server.pid).padEnd(8)}`
        : 'stopped  ' + ' '.repeat(12);
      const ready = server.running ? (server.ready ? 'ready' : 'not answering') : '-';
      say(`${server.name.padEnd(6)} ${state} ${server.listening.padEnd(22)} ${ready}`);
    }
  },
};

function shown(file: string): string {
  return displayPath(projectRoot(), file);
}

async function main(argv: string[]): Promise<void> {
  const [name] = argv;
  const command = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  await command(loadConfig(process.env).localInfra);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`infra: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
