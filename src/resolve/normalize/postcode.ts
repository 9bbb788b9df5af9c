// Outward code then inward code (digit and two letters), plus the Girobank oddity GIR 0AA.
const UK_POSTCODE = /^(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)(\d[A-Z]{2})$/;

/**
 * The one spelling of a postcode that two records must share. A postcode that cannot be valid in
 * its country is dropped (undefined) rather than kept: as a blocking key it would only mislead.
 */
export function canonicalPostcode(raw: string, country?: string): string | undefined {
  const text = raw.normalize('NFKC').trim().toUpperCase();
  const compact = text.replace(/[\s-]+/g, '');
  if (compact === '') return undefined;
  switch (country) {
    case 'CN':
      return /^\d{6}$/.test(compact) ? compact : undefined;
    case 'US':
      // ZIP+4 narrows a ZIP to a building; records rarely agree on it, so only the ZIP is kept.
      return /^\d{5}(?:\d{4})?$/.test(compact) ? compact.slice(0, 5) : undefined;
    case 'GB':
      return UK_POSTCODE.test(compact) ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : undefined;
    default:
      return text.replace(/\s+/g, ' ');
  }
}
