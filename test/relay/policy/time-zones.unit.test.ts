import { strict as assert } from 'node:assert';
import { debtorTimeZones, PROFILE_ZONES } from '../../../src/relay/policy/time-zones.js';
import { usRegionCode } from '../../../src/relay/policy/us-region-code.js';
import { US_STATE_ZONES } from '../../../src/relay/policy/us-state-zones.js';

const US_ALL = [...PROFILE_ZONES.US].sort();
const zonesOf = (location: Parameters<typeof debtorTimeZones>[1]) =>
  debtorTimeZones('US', location).sort();

describe('debtor time zones', () => {
  it('when a US address names a one-zone state, then that zone is the only candidate', () => {
    assert.deepEqual(zonesOf({ addressCountry: 'US', addressRegion: 'NY', phoneCountry: 'US' }), [
      'America/New_York',
    ]);
    assert.deepEqual(zonesOf({ addressRegion: 'california' }), ['America/Los_Angeles']);
    assert.deepEqual(zonesOf({ addressRegion: 'HI' }), ['Pacific/Honolulu']);
  });

  it('when the state spans several zones, then every one of them is a candidate', () => {
    assert.deepEqual(zonesOf({ addressRegion: 'TX' }), ['America/Chicago', 'America/Denver']);
    assert.deepEqual(zonesOf({ addressRegion: 'Florida' }), [
      'America/Chicago',
      'America/New_York',
    ]);
    assert.deepEqual(zonesOf({ addressRegion: 'AK' }), ['America/Adak', 'America/Anchorage']);
    assert.deepEqual(zonesOf({ addressRegion: 'AZ' }), ['America/Denver', 'America/Phoenix']);
    for (const code of ['IN', 'KY', 'TN', 'ND', 'SD', 'NE', 'KS', 'ID', 'OR']) {
      assert.ok(zonesOf({ addressRegion: code }).length >= 2, `${code} spans two zones`);
    }
  });

  it('when the region is written as a name, an ISO 3166-2 code or with dots, then it is recognized', () => {
    assert.equal(usRegionCode('New York'), 'NY');
    assert.equal(usRegionCode('US-TX'), 'TX');
    assert.equal(usRegionCode('Washington, D.C.'), 'DC');
    assert.equal(usRegionCode(' district of columbia '), 'DC');
    assert.equal(usRegionCode('Puerto Rico'), 'PR');
    assert.equal(usRegionCode('Ontario'), undefined);
    assert.equal(usRegionCode('广东'), undefined);
  });

  it('when the debtor lives in a territory, then its own zone is the candidate', () => {
    assert.deepEqual(zonesOf({ addressCountry: 'PR' }), ['America/Puerto_Rico']);
    assert.deepEqual(zonesOf({ addressCountry: 'US', addressRegion: 'GU', phoneCountry: 'GU' }), [
      'Pacific/Guam',
    ]);
  });

  it('when nothing is known about the location, then every US zone is a candidate', () => {
    assert.deepEqual(zonesOf({}), US_ALL);
    assert.deepEqual(zonesOf({ phoneCountry: 'US' }), US_ALL, 'a phone alone never places anyone');
    assert.deepEqual(zonesOf({ addressCountry: 'US' }), US_ALL);
    assert.deepEqual(zonesOf({ addressRegion: 'Atlantis' }), US_ALL);
  });

  it('when the phone is foreign and there is no address, then the location is unknown', () => {
    assert.deepEqual(zonesOf({ phoneCountry: 'MX' }), US_ALL);
    assert.deepEqual(zonesOf({ phoneCountry: 'CN', addressCountry: 'CN' }), US_ALL);
  });

  it('when the location contradicts itself, then every US zone is a candidate', () => {
    assert.deepEqual(zonesOf({ addressRegion: 'TX', phoneCountry: 'CA' }), US_ALL);
    assert.deepEqual(zonesOf({ addressCountry: 'MX', addressRegion: 'TX' }), US_ALL);
    assert.deepEqual(zonesOf({ addressCountry: 'PR', addressRegion: 'TX' }), US_ALL);
    assert.deepEqual(zonesOf({ addressRegion: 'PR', phoneCountry: 'US' }), US_ALL);
  });

  it('when the profile is CN, then Beijing time is the only zone, whatever the location says', () => {
    for (const location of [{}, { addressRegion: '广东' }, { phoneCountry: 'US' }]) {
      assert.deepEqual(debtorTimeZones('CN', location), ['Asia/Shanghai']);
    }
  });

  it('covers the 50 states, DC and the inhabited territories, each with a zone the runtime knows', () => {
    assert.equal(Object.keys(US_STATE_ZONES).length, 56);
    for (const zone of US_ALL) {
      assert.doesNotThrow(() => new Intl.DateTimeFormat('en-US', { timeZone: zone }), zone);
    }
  });
});
