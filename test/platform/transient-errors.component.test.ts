import { strict as assert } from 'node:assert';
import neo4j from 'neo4j-driver';
import { isTransientError } from '../../src/platform/transient-errors.js';
import { testConfig } from '../support/test-config.js';

describe('transient errors of the real Neo4j driver', function () {
  this.timeout(30_000);

  it('when every pooled connection is busy past the acquisition timeout, then the error is transient: the chunk is retried and the caller told to come back', async () => {
    const { uri, user, password } = testConfig().neo4j;
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password ?? ''), {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: 300,
      logging: { level: 'error', logger: () => undefined },
    });
    const holder = driver.session();
    const held = await holder.beginTransaction();
    try {
      await held.run('RETURN 1');
      const waiter = driver.session();
      const error = await waiter.run('RETURN 1').then(
        () => assert.fail('the second session got a connection from a pool of one'),
        (e: unknown) => e,
      );
      await waiter.close();
      assert.match(String(error), /Connection acquisition timed out/);
      assert.equal(isTransientError(error), true);
    } finally {
      await held.rollback();
      await holder.close();
      await driver.close();
    }
  });
});
