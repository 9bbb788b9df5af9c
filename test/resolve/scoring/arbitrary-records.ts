import fc from 'fast-check';
import type {
  MatchableNationalId,
  MatchablePhone,
  MatchableRecord,
} from '../../../src/resolve/matchable-record.js';
import { normalizeAddress } from '../../../src/resolve/normalize/address.js';
import type { NormalizedAddress } from '../../../src/resolve/normalize/address.js';
import type { PartialDate } from '../../../src/resolve/normalize/birth-date.js';
import { normalizeName } from '../../../src/resolve/normalize/name.js';
import type { NormalizedName } from '../../../src/resolve/normalize/name.js';
import { commonNameShare } from '../../../src/resolve/scoring/common-names.js';
import type { ValueFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import type { PhoneStatus } from '../../../src/resolve/source-record.js';
import { beijing, cnId, usSsn } from './records.js';

// Small pools, so that generated records collide on values as often as real candidates do.
export const NAMES: NormalizedName[] = [
  '王伟',
  'Wei WANG',
  'Wang Wei',
  '王小明',
  'Xiaoming WANG',
  '王小亮',
  'Zhou Yuqing',
  'Yuqing Zhou',
  'John Smith',
  'Jon Smith',
  'Eudora Quillfeather',
  'Quillfeather',
].map((full) => normalizeName({ full }));

export const DATES: PartialDate[] = [
  { year: 1985 },
  { year: 1985, month: 3 },
  { year: 1985, month: 3, day: 2 },
  { year: 1985, month: 2, day: 3 },
  { year: 1985, month: 3, day: 12 },
  { year: 1990, month: 5, day: 1 },
];

export const IDS: MatchableNationalId[] = [
  cnId('nid-1', '1985-03-02', 'M'),
  cnId('nid-2', '1990-05-01', 'F'),
  cnId('nid-3', '1985-03-02', 'F'),
  usSsn('ssn-1'),
  usSsn('ssn-2'),
  { fingerprint: 'pp-1', country: 'CN', type: 'PASSPORT' },
];

export const PHONES = ['+15555550101', '+15555550102', '+15555550103', '+8613900000001'];
const STATUSES: PhoneStatus[] = ['active', 'inactive', 'unknown', 'disconnected', 'reassigned'];
export const EMAILS = ['a@example.com', 'b@example.com', 'c@example.org'];
export const ADDRESSES: NormalizedAddress[] = [
  beijing('示例路88号'),
  beijing('示例路90号'),
  { lines: ['1 Example St'], postcode: 'SW1A 1AA', country: 'GB' },
  { lines: ['2 Example St'] },
].map(normalizeAddress);
export const EMPLOYERS = [
  'Example Widgets Ltd',
  'EXAMPLE WIDGETS',
  'Exampel Widgets',
  'Sample Bakery',
];
export const CONTACTS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

const phone: fc.Arbitrary<MatchablePhone> = fc.record({
  e164: fc.constantFrom(...PHONES),
  status: fc.constantFrom(...STATUSES),
  lastSeenAtMs: fc.constant(0),
});

export function arbitraryRecord(key: string): fc.Arbitrary<MatchableRecord> {
  return fc
    .record({
      names: fc.subarray(NAMES, { maxLength: 2 }),
      birthDate: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      nationalIds: fc.subarray(IDS, { maxLength: 2 }),
      phones: fc.array(phone, { maxLength: 3 }),
      emails: fc.subarray(EMAILS, { maxLength: 2 }),
      addresses: fc.subarray(ADDRESSES, { maxLength: 2 }),
      employer: fc.option(fc.constantFrom(...EMPLOYERS), { nil: undefined }),
      thirdParties: fc.array(
        fc.record({
          fingerprint: fc.constantFrom(...CONTACTS),
          kind: fc.constantFrom('frequent_contact', 'household_member'),
          weight: fc.constant(1),
        }),
        { maxLength: 5 },
      ),
    })
    .map(({ birthDate, employer, ...fields }) => {
      const record: MatchableRecord = {
        key,
        sourceId: 'src',
        sourceTrust: 1,
        observedAtMs: 0,
        ...fields,
      };
      if (birthDate !== undefined) record.birthDate = birthDate;
      if (employer !== undefined) record.employer = employer;
      return record;
    });
}

/** Frequencies that make some values common, so that the adjustment is exercised too. */
export const SKEWED_FREQUENCIES: ValueFrequencies = {
  nameShare: commonNameShare,
  phoneHolders: (e164) => (e164 === PHONES[0] ? 30 : 2),
  addressHolders: (key) => (key === ADDRESSES[0]?.key ? 200 : 1),
};
