import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MIN_FREE_DISK_MIB, assertDiskRoom, freeDiskMiB } from '../../infra/disk.js';
import { LocalInfraError, collapseStackFrames } from '../../infra/errors.js';

describe('local server start-up diagnostics', () => {
  describe('collapseStackFrames', () => {
    it('when a Java trace is collapsed, then every message line stays and each run of frames becomes one count', () => {
      const log = [
        'Exception in thread "main" java.lang.RuntimeException: Error starting Neo4j database server',
        '\tat org.neo4j.A.start(A.java:1)',
        '\tat org.neo4j.B.start(B.java:2)',
        'Caused by: java.io.IOException: No space left on device',
        '\tat org.neo4j.C.allocate(C.java:3)',
        '\t... 16 more',
        'NEO4J_LOCAL_STOPPED',
      ];
      assert.deepEqual(collapseStackFrames(log), [
        'Exception in thread "main" java.lang.RuntimeException: Error starting Neo4j database server',
        '\t... 2 stack frames',
        'Caused by: java.io.IOException: No space left on device',
        '\t... 17 stack frames',
        'NEO4J_LOCAL_STOPPED',
      ]);
    });

    it('when a log has no stack trace, then it comes back unchanged', () => {
      const log = ['[2026-11-22 17:05:01] INFO starting', '  indented but not a frame', ''];
      assert.deepEqual(collapseStackFrames(log), log);
    });

    it('when a trace is longer than an excerpt, then the excerpt of the collapsed log still ends with its last cause', () => {
      const frames = Array.from({ length: 200 }, (_, i) => `\tat org.example.F${i}.run(F.java:${i})`);
      const log = ['java.lang.RuntimeException: outer', ...frames, 'Caused by: java.lang.IllegalStateException: the real reason', ...frames];
      const excerpt = collapseStackFrames(log).slice(-3);
      assert.deepEqual(excerpt, ['\t... 200 stack frames', 'Caused by: java.lang.IllegalStateException: the real reason', '\t... 200 stack frames']);
    });
  });

  describe('assertDiskRoom', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'recontact-disk-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('when less than the minimum is free, then it refuses with the free space, the minimum and the directory', async () => {
      await assert.rejects(
        assertDiskRoom(dir, MIN_FREE_DISK_MIB, async () => 448),
        (error: unknown) => {
          assert.ok(error instanceof LocalInfraError);
          assert.match(error.message, /only 448 MiB are free/);
          assert.match(error.message, new RegExp(`at least ${MIN_FREE_DISK_MIB} MiB`));
          assert.ok(error.message.includes(dir));
          assert.match(error.message, /INFRA_DIR/);
          return true;
        },
      );
    });

    it('when exactly the minimum is free, then it lets the servers start', async () => {
      await assertDiskRoom(dir, 512, async () => 512);
    });

    it('when it measures a real directory, then it reports the free space the file system states', async () => {
      const free = await freeDiskMiB(dir);
      assert.ok(Number.isInteger(free) && free >= 0, `free space ${free}`);
      await assert.rejects(assertDiskRoom(dir, free + 1_000_000), LocalInfraError);
    });
  });
});
