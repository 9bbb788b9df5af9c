import { strict as assert } from 'node:assert';
import { runCli } from '../support/run-cli.js';

describe('recontact rebuild (the real process)', function () {
  this.timeout(60_000);

  it('when --chunk is not a whole number in range, then it exits 2 naming the option and a good value', async () => {
    const run = await runCli(['rebuild', '--chunk', 'lots']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--chunk must be a whole number from 1 to 10000 \(example: --chunk 500\)/);
  });

  it('when given an unexpected argument, then it prints its usage', async () => {
    const run = await runCli(['rebuild', 'everything']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /usage: recontact rebuild \[--from-scratch\] \[--chunk N\]/);
  });
});
