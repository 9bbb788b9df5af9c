import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { uniquePool } from '../relay/relay-fixture.js';
import { spawnService, type ServiceProcess } from '../support/service-process.js';
import { uniqueName } from '../support/test-config.js';
import { checkCurls, checkEvent, checkJson } from './check-example.js';
import { extractExamples, GUIDES, type DocExample } from './doc-examples.js';

const LOCAL_URL = 'http://127.0.0.1:8080';

/**
 * The guides' runnable examples, as a reader would type them: one bash session per guide, in order,
 * against a real service. Only what must differ per run is substituted: the address, the command,
 * and the creditor and case ids (so runs never meet in the shared graph).
 */
function runnable(examples: DocExample[], url: string, run: string): string {
  const body = examples
    .filter((e) => e.mode === 'run')
    .map((e) => {
      const code = e.code
        .replaceAll(LOCAL_URL, url)
        .replace(/\bc1\b/g, `c1-${run}`)
        .replaceAll('CASE-1001', `CASE-1001-${run}`);
      return `echo ${JSON.stringify(`--- ${e.where}`)} >&2\n${code}`;
    });
  return ['set -euo pipefail', ...body].join('\n');
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { cwd, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('examples in the guides (run against a real service, or checked against the contracts)', function () {
  this.timeout(180_000);
  const run = uniqueName('doc').slice(4);
  const env = {
    KAFKA_TOPIC_PREFIX: `${uniqueName('docs')}.`,
    KAFKA_TOPIC_PARTITIONS: '2',
    INGEST_GROUP_ID: uniqueName('docs-ingest'),
    RELAY_POOL: uniquePool(10).spec,
    RELAY_POOL_NAME: uniqueName('docs-pool'),
    AUDIT_CHAIN: uniqueName('docs-chain'),
  };
  const guides = GUIDES.map((file) => ({ file, examples: extractExamples(file) }));
  let service: ServiceProcess;
  let workDir: string;
  let shellEnv: NodeJS.ProcessEnv;

  before(async () => {
    service = await spawnService(env);
    // A reader's working directory: the repository's contracts, and `recontact` on the PATH.
    workDir = mkdtempSync(join(tmpdir(), 'recontact-docs-'));
    symlinkSync(join(process.cwd(), 'contracts'), join(workDir, 'contracts'));
    const bin = join(workDir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'recontact'), `#!/bin/sh\nexec "${process.execPath}" "${join(process.cwd(), 'dist', 'src', 'cli', 'main.js')}" "$@"\n`, { mode: 0o755 });
    // `recontact token` signs with <INFRA_DIR>/dev/token-es256.key.pem: here the key the service trusts.
    const infra = join(workDir, 'infra');
    mkdirSync(infra);
    symlinkSync(dirname(process.env.SOURCE_REGISTRY_FILE ?? ''), join(infra, 'dev'));
    shellEnv = { ...process.env, ...env, INFRA_DIR: infra, LOG_LEVEL: 'silent', PATH: `${bin}:${process.env.PATH ?? ''}` };
  });
  after(async () => {
    service?.child.kill('SIGTERM');
    await service?.exited;
  });

  it('when the guides are read, then every sh, http and json block says whether it is run, checked or skipped (and why)', () => {
    const all = guides.flatMap((g) => g.examples);
    assert.ok(all.filter((e) => e.mode === 'run').length >= 10, 'the guides have runnable examples');
    for (const e of all.filter((x) => x.mode === 'run' || (x.mode === 'check' && x.lang === 'sh'))) assert.equal(e.lang, 'sh', `${e.where}: only sh blocks run`);
  });

  for (const { file, examples } of guides) {
    const checked = examples.filter((e) => e.mode === 'check' || e.mode === 'event');
    if (checked.length > 0) {
      it(`when ${file}'s JSON bodies, events and curl calls are checked, then each satisfies the OpenAPI contract or the event schema`, () => {
        for (const e of checked) {
          if (e.mode === 'event') checkEvent(e, process.env);
          else if (e.lang === 'json') checkJson(e);
          else checkCurls(e);
        }
      });
    }
  }

  for (const file of GUIDES) {
    it(`when ${file}'s runnable examples are run in order against the service, then each succeeds`, async () => {
      const examples = guides.find((g) => g.file === file)!.examples;
      if (!examples.some((e) => e.mode === 'run')) return;
      const result = await bash(runnable(examples, service.url, run), workDir, shellEnv);
      const failedAt = /--- (\S+)\s*$/.exec(result.stderr.split('\n').filter((l) => l.startsWith('--- ')).pop() ?? '')?.[1];
      assert.equal(result.code, 0, `the example at ${failedAt ?? '?'} failed (exit ${result.code}):\n${result.stderr.slice(-2000)}\n${result.stdout.slice(-1000)}`);
    });
  }
});
