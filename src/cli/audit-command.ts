import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAuditPublicKey } from '../audit/audit-checkpoint.js';
import { exportAudit } from '../audit/export-audit.js';
import { Neo4jAuditReader } from '../audit/neo4j-audit-reader.js';
import { AuditExportFormatError, verifyAuditExport } from '../audit/verify-audit-export.js';
import { verifyAuditChain, type AuditVerification } from '../audit/verify-audit-chain.js';
import type { Config } from '../config.js';
import { ensureAccessKeys } from '../dev-access.js';
import { parseCommandArgs } from './args.js';
import { CliError } from './cli-error.js';
import { graphFor } from './graph-for.js';
import { writeStdout } from './write-stdout.js';

export const auditUsage =
  'recontact audit verify [--from SEQ] [--to SEQ] [--public-key FILE]... [--json]\n' +
  `${' '.repeat(15)}recontact audit verify --file EXPORT.jsonl --public-key FILE... [--json]\n` +
  `${' '.repeat(15)}recontact audit export [--from ISO-TIME] [--to ISO-TIME] > EXPORT.jsonl`;

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  file: { type: 'string' },
  // Repeatable: after a signing-key rotation, older checkpoints verify with the older public key.
  'public-key': { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

/**
 * Verifies the configured chain (AUDIT_CHAIN) in the graph or an export offline, and exports it.
 * Exit code 0 when intact, 1 with the first broken position when not, 2 on misuse.
 */
export async function auditCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs('audit', args, OPTIONS);
  const [sub, ...rest] = positionals;
  if (rest.length > 0 || (sub !== 'verify' && sub !== 'export'))
    throw new CliError(`usage: ${auditUsage}`);
  if (sub === 'export') {
    if (values.file !== undefined || values['public-key'] !== undefined) {
      throw new CliError(
        `recontact audit export: --${values.file !== undefined ? 'file' : 'public-key'} applies to verify only; the export is written to stdout`,
      );
    }
    return exportCommand(config, instant('from', values.from), instant('to', values.to));
  }
  const result =
    values.file !== undefined
      ? await verifyFile(values.file, values)
      : await verifyGraph(config, values);
  console.log(values.json ? JSON.stringify(result) : describe(result));
  if (!result.ok) process.exitCode = 1;
}

async function verifyGraph(
  config: Config,
  values: { from?: string; to?: string; 'public-key'?: string[] },
): Promise<AuditVerification> {
  const fromSeq = seqOption('from', values.from);
  const toSeq = seqOption('to', values.to);
  if (fromSeq !== undefined && toSeq !== undefined && fromSeq > toSeq)
    throw new CliError('recontact audit verify: --from must not be after --to');
  const publicKey =
    values['public-key'] !== undefined ? values['public-key'].map(readKey) : configuredKey(config);
  const graph = await graphFor(config);
  try {
    return await verifyAuditChain(new Neo4jAuditReader(graph, config.audit.chain), publicKey, {
      fromSeq,
      toSeq,
    });
  } finally {
    await graph.close();
  }
}

async function verifyFile(
  file: string,
  values: { from?: string; to?: string; 'public-key'?: string[] },
): Promise<AuditVerification> {
  if (values.from !== undefined || values.to !== undefined) {
    throw new CliError(
      `recontact audit verify: --${values.from !== undefined ? 'from' : 'to'} applies to the graph; an export file is verified whole`,
    );
  }
  if (values['public-key'] === undefined) {
    throw new CliError(
      'recontact audit verify: --public-key is required with --file (example: --public-key audit-ed25519.pub.pem)',
    );
  }
  const publicKey = values['public-key'].map(readKey);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`recontact audit verify: --file ${file.slice(0, 200)} cannot be read`);
  }
  try {
    return await verifyAuditExport(text.split('\n'), publicKey);
  } catch (error) {
    if (error instanceof AuditExportFormatError)
      throw new CliError(
        `recontact audit verify: ${file.slice(0, 200)} is not an audit export: ${error.message}`,
        1,
      );
    throw error;
  }
}

async function exportCommand(
  config: Config,
  fromTime: string | undefined,
  toTime: string | undefined,
): Promise<void> {
  const graph = await graphFor(config);
  try {
    let buffered: string[] = [];
    for await (const line of exportAudit(new Neo4jAuditReader(graph, config.audit.chain), {
      fromTime,
      toTime,
    })) {
      buffered.push(line);
      if (buffered.length >= 1_000) {
        if ((await writeStdout(buffered.join(''))) === 'closed') return;
        buffered = [];
      }
    }
    if (buffered.length > 0) await writeStdout(buffered.join(''));
  } finally {
    await graph.close();
  }
}

/** The checkpoint signer's public key, derived from the configured (or, locally, generated) signing key. */
function configuredKey(config: Config): KeyObject {
  const file =
    config.audit.signingKeyFile ??
    (config.useLocalInfra
      ? ensureAccessKeys(join(config.localInfra.dir, 'dev')).auditSigningKeyFile
      : undefined);
  if (file === undefined) {
    throw new CliError(
      'recontact audit verify: --public-key is required when AUDIT_SIGNING_KEY_FILE is unset (example: --public-key audit-ed25519.pub.pem)',
    );
  }
  return readKey(file);
}

function readKey(file: string): KeyObject {
  try {
    return loadAuditPublicKey(file);
  } catch {
    throw new CliError(
      `recontact audit verify: --public-key ${file.slice(0, 200)} is not a readable PEM Ed25519 key`,
    );
  }
}

function seqOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,15}$/.test(value))
    throw new CliError(
      `recontact audit verify: --${name} must be a seq, a positive integer (example: --${name} 1000); got ${value.slice(0, 50)}`,
    );
  return Number(value);
}

function instant(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time))
    throw new CliError(
      `recontact audit export: --${name} must be an ISO 8601 time (example: --${name} 2024-05-01T00:00:00Z); got ${value.slice(0, 50)}`,
    );
  return new Date(time).toISOString();
}

function describe(r: AuditVerification): string {
  const counted = `${r.checkedRecords} records and ${r.checkedCheckpoints} signed checkpoints verified`;
  if (r.ok) return `audit chain ${r.chain}: intact (${counted}, through seq ${r.headSeq})`;
  const b = r.firstBroken!;
  return `audit chain ${r.chain}: BROKEN at seq ${b.seq}: ${b.kind}: ${b.detail} (${counted} before it)`;
}
