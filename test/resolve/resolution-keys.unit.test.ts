import { strict as assert } from 'node:assert';
import { resolutionKeys } from '../../src/resolve/resolution-keys.js';
import { record } from './scoring/records.js';

describe('resolution keys', () => {
  it('when a record reports frequent contacts, then each is a key (a SIM change shares only its circle), by fingerprint only', () => {
    const keys = resolutionKeys(record('demo-telco:1', { names: ['Zhou Yuqing'], contacts: ['fp-a', 'fp-b'] }));
    assert.ok(keys.includes('fc:fp-a') && keys.includes('fc:fp-b'));
  });

  it('when a third party is a household member or an emergency contact, then it is not a key', () => {
    const base = record('demo-telco:2', { names: ['Zhou Yuqing'] });
    const keys = resolutionKeys({ ...base, thirdParties: [{ fingerprint: 'fp-h', kind: 'household_member', weight: 1 }, { fingerprint: 'fp-e', kind: 'emergency_contact', weight: 1 }] });
    assert.ok(!keys.some((k) => k.startsWith('fc:')));
  });

  it('never indexes a record by its name alone', () => {
    const keys = resolutionKeys(record('demo-telco:3', { names: ['Zhou Yuqing'] }));
    assert.deepEqual(keys, []);
  });
});
