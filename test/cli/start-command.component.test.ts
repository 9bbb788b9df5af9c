import { strict as assert } from 'node:assert';
import { spawnService } from '../support/service-process.js';
import { uniqueName } from '../support/test-config.js';

describe('recontact start (the real process)', function () {
  this.timeout(120_000);

  it('when started, then /readyz is 200; when sent SIGTERM, then it stops gracefully with exit code 0', async () => {
    const service = await spawnService({ LOG_LEVEL: 'info', KAFKA_TOPIC_PREFIX: `${uniqueName('test')}.`, INGEST_GROUP_ID: uniqueName('test.start') });
    try {
      const res = await fetch(`${service.url}/readyz`);
      assert.equal(res.status, 200);
      service.child.kill('SIGTERM');
      assert.equal(await service.exited, 0);
      assert.match(service.output(), /"msg":"stopping"[^]*"msg":"stopped"/);
    } finally {
      service.child.kill('SIGKILL');
    }
  });

  it('when a setting is invalid, then it exits 1 naming the variable before touching anything', async () => {
    await assert.rejects(spawnService({ PORT: 'eighty' }), (error: Error) => {
      assert.match(error.message, /exited \(1\)/);
      assert.match(error.message, /PORT: .*example: PORT=8080/);
      return true;
    });
  });
});
