/**
 * IANA zones of each US state, DC and inhabited territory, keyed by USPS code. A state split by a
 * time-zone boundary (49 CFR part 71) lists every zone it contains, because Reg F §1006.6(b)(1)(i)
 * and its commentary make a time convenient only if it is convenient wherever the consumer may be.
 */
const EASTERN = 'America/New_York';
const CENTRAL = 'America/Chicago';
const MOUNTAIN = 'America/Denver';
const PACIFIC = 'America/Los_Angeles';

export const US_STATE_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: [CENTRAL],
  // Aleutian Islands west of 169°30′W keep Hawaii–Aleutian time.
  AK: ['America/Anchorage', 'America/Adak'],
  // Arizona keeps standard time all year, but the Navajo Nation in its north-east observes DST.
  AZ: ['America/Phoenix', MOUNTAIN],
  AR: [CENTRAL],
  CA: [PACIFIC],
  CO: [MOUNTAIN],
  CT: [EASTERN],
  DE: [EASTERN],
  DC: [EASTERN],
  FL: [EASTERN, CENTRAL],
  GA: [EASTERN],
  HI: ['Pacific/Honolulu'],
  ID: ['America/Boise', PACIFIC],
  IL: [CENTRAL],
  IN: ['America/Indiana/Indianapolis', CENTRAL],
  IA: [CENTRAL],
  KS: [CENTRAL, MOUNTAIN],
  KY: [EASTERN, CENTRAL],
  LA: [CENTRAL],
  ME: [EASTERN],
  MD: [EASTERN],
  MA: [EASTERN],
  // Four Upper Peninsula counties bordering Wisconsin are on Central time.
  MI: ['America/Detroit', 'America/Menominee'],
  MN: [CENTRAL],
  MS: [CENTRAL],
  MO: [CENTRAL],
  MT: [MOUNTAIN],
  NE: [CENTRAL, MOUNTAIN],
  // West Wendover is on Mountain time by a 1999 Department of Transportation rule.
  NV: [PACIFIC, MOUNTAIN],
  NH: [EASTERN],
  NJ: [EASTERN],
  NM: [MOUNTAIN],
  NY: [EASTERN],
  NC: [EASTERN],
  ND: [CENTRAL, MOUNTAIN],
  OH: [EASTERN],
  OK: [CENTRAL],
  // Most of Malheur County is on Mountain time.
  OR: [PACIFIC, 'America/Boise'],
  PA: [EASTERN],
  RI: [EASTERN],
  SC: [EASTERN],
  SD: [CENTRAL, MOUNTAIN],
  TN: [CENTRAL, EASTERN],
  // El Paso and Hudspeth counties are on Mountain time.
  TX: [CENTRAL, MOUNTAIN],
  UT: [MOUNTAIN],
  VT: [EASTERN],
  VA: [EASTERN],
  WA: [PACIFIC],
  WV: [EASTERN],
  WI: [CENTRAL],
  WY: [MOUNTAIN],
  // Territories have their own ISO country codes (and libphonenumber regions) besides a USPS code.
  PR: ['America/Puerto_Rico'],
  VI: ['America/St_Thomas'],
  GU: ['Pacific/Guam'],
  MP: ['Pacific/Saipan'],
  AS: ['Pacific/Pago_Pago'],
};

/** USPS codes that are also ISO 3166-1 country codes: an address or phone there is not "US". */
export const US_TERRITORIES: ReadonlySet<string> = new Set(['PR', 'VI', 'GU', 'MP', 'AS']);

/** Every zone a US debtor may be in: what an unknown or contradictory location must satisfy. */
export const US_ZONES: readonly string[] = [...new Set(Object.values(US_STATE_ZONES).flat())];
