import type { CnRegion } from './cn-regions.js';

/** Where a person lives, in parts, so each source can write it its own way. */
export interface SyntheticAddress {
  region: CnRegion;
  street: string;
  number: number;
  building: number;
  unit: number;
  room: number;
}

/** The truth about one person; records are noisy, partial views of it. */
export interface SyntheticPerson {
  id: string;
  origin: 'cn' | 'foreign';
  sex: 'M' | 'F';
  /** Han characters for CN persons, the Latin name for foreigners. */
  family: string;
  given: string;
  familyLatin: string;
  givenLatin: string;
  birthDate: string;
  nationalId: { country: string; type: 'CN_RIC' | 'PASSPORT'; value: string };
  address: SyntheticAddress;
  householdId?: string;
  /** Shared by the household. */
  landline?: string;
  twin: boolean;
  email: string;
  employer: string;
}

export function addressLine(a: SyntheticAddress): string {
  return `${a.street}${a.number}号${a.building}栋${a.unit}单元${a.room}室`;
}

export function hanFullName(p: Pick<SyntheticPerson, 'family' | 'given'>): string {
  return p.family + p.given;
}
