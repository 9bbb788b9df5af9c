#!/usr/bin/env node
import { ConfigError, loadConfig } from '../config.js';
import { runService } from '../main.js';

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, { summary: string; run: Command }> = {
  start: {
    summary: 'run the service (brings up local Kafka and Neo4j when KAFKA_BROKERS/NEO4J_URI are unset)',
    run: () => runService(loadConfig()),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: recontact <command> [options]', '', 'commands:', ...lines].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return;
  }
  const command = commands[name];
  if (!command) {
    console.error(`recontact: unknown command '${name}'\n\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  await command.run(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof Error) {
    console.error(`recontact: ${error.message}`);
  } else {
    console.error('recontact: failed');
  }
  process.exit(1);
});
