import { strict as assert } from 'node:assert';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePopulation } from '../../bench/support/population/generate-population.js';
import { DEFAULT_MODEL } from '../../src/resolve/scoring/default-model.js';
import { MATCH_FIELDS, type MatchModel } from '../../src/resolve/scoring/match-model.js';
import { IngestHarness, seen } from '../ingest/ingest-harness.js';
import { runCli } from '../support/run-cli.js';
import { signed } from '../support/test-sources.js';

describe('recontact train: arguments (the real process)', function () {
  this.timeout(60_000);

  for (const pairs of ['nope', '50', '2.5']) {
    it(`when --pairs is ${pairs}, then it exits 2 naming the option and a good value, before reading the graph`, async () => {
      const run = await runCli(['train', '--pairs', pairs]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--pairs must be a whole number from 100 to 1000000 \(example: --pairs 20000\)/);
    });
  }

  it('when --seed is not a whole number, or --out is in no existing directory, then it exits 2 with an example', async () => {
    const seed = await runCli(['train', '--seed', 'abc']);
    assert.equal(seed.code, 2);
    assert.match(seed.stderr, /--seed must be a whole number from 0 to 4294967295 \(example: --seed 7\)/);
    const out = await runCli(['train', '--out', join(tmpdir(), `no-such-dir-${randomUUID()}`, 'model.json')]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /--out must name a file in an existing directory \(example: --out model\.json\)/);
  });
});

describe('recontact train (the real process, on a graph resolved by the real pipeline)', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'recontact-train-'));
  const tag = randomUUID().slice(0, 8);
  let h: IngestHarness;

  before(async () => {
    h = new IngestHarness();
    await h.setUp();
    const now = new Date();
    const population = generatePopulation({ persons: 150, seed: randomInt(1_000_000), now });
    const events = population.events.map(({ event }) => ({ ...event, sourceRecordId: `TRAIN-${tag}-${event.sourceRecordId}` }));
    await h.startPipeline({}, true, () => now);
    await h.produce(events.map((e) => signed(e)));
    await h.waitForApplied(events.map(seen), 240_000);
    await h.stopPipeline();
  });

  after(async () => {
    await h.tearDown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the graph holds enough candidate pairs, then it shows default and trained m, u and weights for every field, says the model is not applied, and writes it with the default thresholds', async () => {
    const out = join(dir, 'model.json');
    const run = await runCli(['train', '--pairs', '500', '--out', out]);
    assert.equal(run.code, 0, run.stderr);

    const lines = run.stdout.split('\n');
    assert.match(run.stdout, /trained on (500 candidate pairs, a seeded sample \(seed 1\)|all \d+ candidate pairs)/);
    assert.match(run.stdout, /EM: lambda 0\.\d{4} .*, \d+ iterations, (converged|did not converge)/);
    for (const field of MATCH_FIELDS) {
      const first = lines.findIndex((l) => l.startsWith(`${field} `));
      assert.ok(first >= 0, `the summary shows ${field}`);
      Object.keys(DEFAULT_MODEL.fields[field]).forEach((level, i) => {
        assert.match(lines[first + i] ?? '', new RegExp(`^\\S*\\s+${level}\\s+\\d+\\s+\\S+ → \\S+\\s+\\S+ → \\S+\\s+\\s*[+-]\\d+\\.\\d → \\s*[+-]\\d+\\.\\d$`));
      });
    }
    assert.match(run.stdout, /For review only, not applied: the service keeps scoring with the default model \(fs-default-3\)/);
    assert.ok(run.stdout.includes(`to ${out}.`));
    // Field and level names and numbers only: no record key, name, phone number or email.
    assert.ok(!run.stdout.includes(tag));
    assert.doesNotMatch(run.stdout, /[\u4e00-\u9fff]|\+\d{6,}|@/);

    const model = JSON.parse(readFileSync(out, 'utf8')) as MatchModel;
    assert.equal(model.version, `${DEFAULT_MODEL.version}+em`);
    assert.deepEqual(
      [model.linkThreshold, model.reviewThreshold, model.clusterMinimum],
      [DEFAULT_MODEL.linkThreshold, DEFAULT_MODEL.reviewThreshold, DEFAULT_MODEL.clusterMinimum],
    );
    assert.deepEqual(Object.keys(model.fields), [...MATCH_FIELDS]);
    for (const field of MATCH_FIELDS) {
      assert.deepEqual(Object.keys(model.fields[field]), Object.keys(DEFAULT_MODEL.fields[field]));
      for (const { m, u } of Object.values(model.fields[field])) {
        assert.ok(m > 0 && m < 1 && u > 0 && u < 1, `${field}: m ${m}, u ${u} within (0, 1)`);
      }
    }
  });

  it('when run again with the same seed, then it trains on the same sample and writes the same model', async () => {
    const runs = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const out = join(dir, `seed-7-${name}.json`);
        const run = await runCli(['train', '--pairs', '300', '--seed', '7', '--out', out]);
        assert.equal(run.code, 0, run.stderr);
        return readFileSync(out, 'utf8');
      }),
    );
    assert.equal(runs[0], runs[1]);
  });
});
