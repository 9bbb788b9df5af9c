import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuditSigningKey } from '../../src/audit/audit-checkpoint.js';
import { AuditCheckpointer } from '../../src/audit/audit-checkpointer.js';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { sampleEntry } from '../audit/audit-fixtures.js';
import { runCli } from '../support/run-cli.js';
import { testConfig, uniqueName } from '../support/test-config.js';

describe('recontact audit (real Neo4j)', function () {
  this.timeout(120_000);
  const chain = uniqueName('test-audit-cli');
  const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
  const exportFile = join(dir, 'export.jsonl');
  const env = { AUDIT_CHAIN: chain };
  let graph: Neo4jGraph;
  let publicKeyFile: string;

  before(async () => {
    graph = new Neo4jGraph(testConfig().neo4j);
    // Signed with the key the suite configures (AUDIT_SIGNING_KEY_FILE), as the service would.
    const key = loadAuditSigningKey(process.env.AUDIT_SIGNING_KEY_FILE!);
    publicKeyFile = process.env.RECONTACT_TEST_AUDIT_PUBLIC_KEY_FILE!;
    const log = new Neo4jAuditLog(graph, { chain });
    for (let i = 1; i <= 8; i++) await log.append(sampleEntry(i));
    await new AuditCheckpointer(graph, { chain, key, intervalMs: 60_000 }).checkpointNow();
  });
  after(async () => {
    await graph.run(
      'MATCH (n) WHERE (n:AuditRecord OR n:AuditHead OR n:AuditCheckpoint) AND n.chain = $chain DELETE n',
      { chain },
    );
    await graph.close();
  });

  it('when the chain is intact, then verify exits 0 and says how much it checked', async () => {
    const run = await runCli(['audit', 'verify'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      new RegExp(
        `audit chain ${chain}: intact \\(8 records and 1 signed checkpoints verified, through seq 8\\)`,
      ),
    );
  });

  it('when the chain is exported, then the file verifies offline with the public key', async () => {
    const exported = await runCli(['audit', 'export', '--from', '2000-01-01T00:00:00Z'], env);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout.trim().split('\n').length, 1 + 8 + 1);
    writeFileSync(exportFile, exported.stdout);
    const run = await runCli([
      'audit',
      'verify',
      '--file',
      exportFile,
      '--public-key',
      publicKeyFile,
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      ok: true,
      chain,
      checkedRecords: 8,
      checkedCheckpoints: 1,
      headSeq: 8,
    });
  });

  it('when a record was edited, then verify exits 1 naming the first broken seq, in the graph and in a tampered export', async () => {
    const tampered = readFileSync(exportFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; seq?: number; outcome?: string })
      .map((line) =>
        line.type === 'record' && line.seq === 3 ? { ...line, outcome: 'denied' } : line,
      );
    writeFileSync(
      join(dir, 'tampered.jsonl'),
      tampered.map((line) => JSON.stringify(line)).join('\n'),
    );
    const offline = await runCli([
      'audit',
      'verify',
      '--file',
      join(dir, 'tampered.jsonl'),
      '--public-key',
      publicKeyFile,
    ]);
    assert.equal(offline.code, 1);
    assert.match(offline.stdout, /BROKEN at seq 3: EDITED/);

    await graph.run('MATCH (r:AuditRecord {key: $key}) SET r.action = $action', {
      key: `${chain}:6`,
      action: 'case.close',
    });
    const live = await runCli(['audit', 'verify', '--from', '2', '--to', '8'], env);
    assert.equal(live.code, 1);
    assert.match(
      live.stdout,
      /BROKEN at seq 6: EDITED: record 6: stored action differs from the hashed record \(4 records/,
    );
  });

  it('when a flag is misused, then the command exits 2 and names the flag', async () => {
    const cases: [string[], RegExp][] = [
      [['audit', 'verify', '--from', 'abc'], /--from must be a seq/],
      [['audit', 'verify', '--file', exportFile], /--public-key is required with --file/],
      [
        ['audit', 'verify', '--file', exportFile, '--public-key', publicKeyFile, '--to', '3'],
        /--to applies to the graph/,
      ],
      [['audit', 'export', '--to', 'last tuesday'], /--to must be an ISO 8601 time/],
      [['audit', 'verify', '--colour'], /Unknown option '--colour'/],
      [['audit', 'shred'], /usage: recontact audit verify/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, env);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
});
