#!/usr/bin/env node
import { ConfigError, loadConfig } from '../config.js';
import { runService } from '../main.js';
import { auditCommand, auditUsage } from './audit-command.js';
import { CliError } from './cli-error.js';
import { clustersCommand, clustersUsage } from './clusters-command.js';
import { demoCommand, demoUsage } from './demo-command.js';
import { dlqCommand, dlqUsage } from './dlq-command.js';
import { explainCommand, explainUsage } from './explain-command.js';
import { produceCommand, produceUsage } from './produce-command.js';
import { rebuildCommand, rebuildUsage } from './rebuild-command.js';
import { ropaCommand, ropaUsage } from './ropa-command.js';
import { tokenCommand, tokenUsage } from './token-command.js';
import { trainCommand, trainUsage } from './train-command.js';

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, { summary: string; run: Command }> = {
  start: {
    summary:
      'run the service (brings up local Kafka and Neo4j when KAFKA_BROKERS/NEO4J_URI are unset)',
    run: () => runService(loadConfig()),
  },
  produce: {
    summary: `validate, sign and send identity updates as a source\n${' '.repeat(15)}${produceUsage}`,
    run: (args) => produceCommand(loadConfig(), args),
  },
  dlq: {
    summary: `show a source's dead-lettered events with reasons\n${' '.repeat(15)}${dlqUsage}`,
    run: (args) => dlqCommand(loadConfig(), args),
  },
  explain: {
    summary: `show why records form a person: links, evidence, review matches, masked contacts\n${' '.repeat(15)}${explainUsage}`,
    run: (args) => explainCommand(loadConfig(), args),
  },
  clusters: {
    summary: `export every current record's person as CSV, sorted by source and record id\n${' '.repeat(15)}${clustersUsage}`,
    run: (args) => clustersCommand(loadConfig(), args),
  },
  rebuild: {
    summary: `re-resolve every stored record (after a rule change, or to check streaming)\n${' '.repeat(15)}${rebuildUsage}`,
    run: (args) => rebuildCommand(loadConfig(), args),
  },
  audit: {
    summary: `verify the tamper-evident audit log (in the graph or an export) and export it\n${' '.repeat(15)}${auditUsage}`,
    run: (args) => auditCommand(loadConfig(), args),
  },
  ropa: {
    summary: `print the record of processing activities (Markdown) from the source registry\n${' '.repeat(15)}${ropaUsage}`,
    run: (args) => ropaCommand(loadConfig(), args),
  },
  train: {
    summary: `estimate the match model's m and u from the graph's candidate pairs, for review (not applied)\n${' '.repeat(15)}${trainUsage}`,
    run: (args) => trainCommand(loadConfig(), args),
  },
  demo: {
    summary: `walk through the whole flow against the running service with synthetic people\n${' '.repeat(15)}${demoUsage}`,
    run: (args) => demoCommand(loadConfig(), args),
  },
  token: {
    summary: `print a signed bearer token (the local development key unless --key)\n${' '.repeat(15)}${tokenUsage}`,
    run: (args) => Promise.resolve().then(() => tokenCommand(loadConfig(), args)),
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
  if (error instanceof CliError) {
    console.error(error.message);
    process.exit(error.exitCode);
  } else if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof Error) {
    console.error(`recontact: ${error.message}`);
  } else {
    console.error('recontact: failed');
  }
  process.exit(1);
});
