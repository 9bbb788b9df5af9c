/**
 * How common a value is, so that agreeing on a common one counts for less. Implementations:
 * `uniformFrequencies` (no adjustment), `commonNameFrequencies` (the built-in table only) and
 * `countingFrequencies` (counted from a record set, with the table as a floor).
 */
export interface ValueFrequencies {
  /** The fraction of records carrying this name key (`NormalizedName.latinKey`), 0..1. */
  nameShare(latinKey: string): number;
  /** How many distinct records hold this E.164 number. */
  phoneHolders(e164: string): number;
  /** How many distinct records have an address with this key. */
  addressHolders(key: string): number;
}

export const uniformFrequencies: ValueFrequencies = {
  nameShare: () => 0,
  phoneHolders: () => 1,
  addressHolders: () => 1,
};
