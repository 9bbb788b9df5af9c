/**
 * How often each real-world difficulty occurs in the synthetic population. Rates are per person
 * unless marked per record; a per-record phenomenon is drawn independently for each record it
 * can apply to. The public registry is treated as clean apart from missing fields: typos and
 * transpositions come from creditor application forms and telecom point-of-sale entry.
 */
export const PHENOMENON_RATES = {
  /** Persons with a Western name, a passport and Latin-script records only. */
  foreigner: 0.07,
  /** CN persons given one of the ten most common full names (王伟, 李娜, …) on purpose. */
  commonFullName: 0.04,
  /** Per registry record of a CN person: the pinyin name listed next to the Han one. */
  registryPinyinName: 0.1,
  /** Per creditor record of a CN person: the name only in pinyin ("Wang Wei", "WEI WANG"). */
  creditorPinyinName: 0.12,
  /** Per Latin-script structured name outside the registry: given and family swapped. */
  latinNameSwap: 0.1,
  /** Per creditor or telecom record: one character of the given name wrong. */
  nameTypo: 0.03,
  /** Per creditor record with a birth date: one digit wrong (still a valid date). */
  birthDateTypo: 0.03,
  /** Per creditor record with a birth date whose day is 12 or less: day and month swapped. */
  dayMonthTransposition: 0.02,
  /** Per creditor record of a pre-2000 CN birth: the id in its 15-digit first-generation form. */
  legacyResidentId: 0.05,
  /** Per creditor record: the address written with other spacing or without the unit. */
  addressFormatVariation: 0.25,
  /** Per creditor record: the mobile in national format with a CN country hint. */
  nationalFormatPhone: 0.2,
  /** Share of persons who are a twin; there are half as many twin pairs. */
  twin: 0.02,
  /** Persons living in a family household of 2–4 that shares an address. */
  household: 0.28,
  /** Households with a landline, which members' creditor records list next to their mobile. */
  householdLandline: 0.7,
  /** Persons who changed mobile number: the telecom reports the old one disconnected. */
  numberChange: 0.12,
  /** Of those, the share whose old number the telecom recycled to another person. */
  recycledOfChanges: 1 / 3,
  /** Of the changers, those whose telecom keeps both numbers on one subscriber record (else two). */
  sameSubscriberRecordOfChanges: 0.5,
  /** Persons with a telecom record, a registry record, a creditor record (each drawn apart). */
  telcoRecord: 0.8,
  registryRecord: 0.65,
  creditorRecord: 0.75,
  /** Of persons with a creditor record, those with a second loan account (a within-source duplicate). */
  secondCreditorRecord: 0.1,
} as const;

/** Per record: the chance a source leaves out a field it is permitted to send. */
export const MISSING_FIELD_RATES = {
  registryAddress: 0.1,
  creditorBirthDate: 0.15,
  creditorNationalId: 0.2,
  creditorEmail: 0.3,
  creditorAddress: 0.15,
  creditorEmployer: 0.4,
  telcoRelations: 0.15,
  /**
   * Subscriber records without the holder's id: real-name registration (name and id document at
   * the point of sale) covers every subscription since 2013, but older prepaid ones were
   * registered later or never.
   */
  telcoNationalId: 0.15,
} as const;

export type MissingField = keyof typeof MISSING_FIELD_RATES;
