import type { MatchableRecord } from '../matchable-record.js';
import type { BirthDateMatch } from '../normalize/birth-date.js';
import { compareRecordBirthDates } from './compare-birth-dates.js';
import { compareEmails, comparePhones } from './compare-contacts.js';
import type { EmailLevel, PhoneComparison } from './compare-contacts.js';
import { compareRecordNames } from './compare-names.js';
import type { NameComparison } from './compare-names.js';
import { compareNationalIds, derivedSexesConflict } from './compare-national-ids.js';
import type { NationalIdLevel } from './compare-national-ids.js';
import { compareAddresses, compareEmployers } from './compare-places.js';
import type { AddressComparison, EmployerLevel } from './compare-places.js';
import { compareThirdParties } from './compare-third-parties.js';
import type { ThirdPartyLevel } from './compare-third-parties.js';
import type { MatchField } from './match-model.js';

/** Every field's agreement level, with the shared values term-frequency adjustment looks up. */
export interface RecordComparison {
  nationalId: NationalIdLevel;
  name: NameComparison;
  birthDate: BirthDateMatch;
  phone: PhoneComparison;
  email: EmailLevel;
  address: AddressComparison;
  employer: EmployerLevel;
  thirdParty: ThirdPartyLevel;
  sexConflict: boolean;
}

/** The comparison vector of Fellegi–Sunter: one level per field. */
export type ComparisonVector = Record<MatchField, string>;

export function compareRecords(a: MatchableRecord, b: MatchableRecord): RecordComparison {
  return {
    nationalId: compareNationalIds(a.nationalIds, b.nationalIds),
    name: compareRecordNames(a.names, b.names),
    birthDate: compareRecordBirthDates(a, b),
    phone: comparePhones(a.phones, b.phones),
    email: compareEmails(a.emails, b.emails),
    address: compareAddresses(a.addresses, b.addresses),
    employer: compareEmployers(a.employer, b.employer),
    thirdParty: compareThirdParties(a, b),
    sexConflict: derivedSexesConflict(a.nationalIds, b.nationalIds),
  };
}

export function comparisonVector(comparison: RecordComparison): ComparisonVector {
  return {
    nationalId: comparison.nationalId,
    name: comparison.name.level,
    birthDate: comparison.birthDate,
    phone: comparison.phone.level,
    email: comparison.email,
    address: comparison.address.level,
    employer: comparison.employer,
    thirdParty: comparison.thirdParty,
  };
}
