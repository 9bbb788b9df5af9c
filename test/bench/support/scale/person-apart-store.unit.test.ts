import { strict as assert } from 'node:assert';
import { GatheredWrites, PersonApartStore } from '../../../../bench/support/scale/person-apart-store.js';
import { DEFAULT_RESOLVER_SETTINGS } from '../../../../src/resolve/resolving-record-store.js';
import { Resolver } from '../../../../src/resolve/resolver.js';
import { resolutionKeys } from '../../../../src/resolve/resolution-keys.js';
import { cnId, record } from '../../../resolve/scoring/records.js';

describe('PersonApartStore', () => {
  it('lets the resolver cluster one person’s records and rank their contacts, gathering the writes for the graph', async () => {
    const telco = record('demo-telco:T1', { names: ['王小明'], birthDate: '1985-06-15', phones: ['+8617900000001'] });
    const creditor = record('demo-creditor:C1', {
      names: ['王小明'],
      birthDate: '1985-06-15',
      phones: ['+8617900000001'],
      ids: [cnId('fp-1', '1985-06-15', 'M')],
    });
    const writes = new GatheredWrites();
    const counts = { phones: new Map([['+8617900000001', 2]]), addresses: new Map<string, number>() };
    let next = 0;
    const resolver = new Resolver(DEFAULT_RESOLVER_SETTINGS, () => new Date(0), () => `person-${++next}`);

    const outcome = await resolver.resolve(new PersonApartStore([telco, creditor], counts, writes), [telco.key, creditor.key]);

    assert.equal(outcome.persons, 1);
    assert.deepEqual(writes.clusters.map((c) => [c.personId, c.members.map((m) => m.recordKey).sort()]), [['person-1', [creditor.key, telco.key]]]);
    assert.deepEqual(writes.recordKeys.sort(), [creditor.key, telco.key]);
    assert.deepEqual(
      writes.blockKeys.map((b) => [b.key, b.blockKeys]),
      [telco, creditor].map((r) => [r.key, resolutionKeys(r)]),
    );
    assert.deepEqual(writes.rankings.map((r) => [r.personId, r.ranking.contacts.map((c) => c.value)]), [['person-1', ['+8617900000001']]]);
  });
});
