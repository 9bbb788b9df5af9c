import type { DebtorLocation, PolicyProfile } from './call-policy.js';
import { usRegionCode } from './us-region-code.js';
import { US_STATE_ZONES, US_TERRITORIES, US_ZONES } from './us-state-zones.js';

/** Every zone a debtor under the profile may be in; what an unknown location must satisfy. */
export const PROFILE_ZONES: Readonly<Record<PolicyProfile, readonly string[]>> = {
  // China keeps one legal standard time (Beijing time) nationwide.
  CN: ['Asia/Shanghai'],
  US: US_ZONES,
};

interface Place {
  /** ISO 3166-1 alpha-2; US territories are their own countries here, as in libphonenumber. */
  country: string;
  zones: readonly string[];
}

function usAddressPlace(
  country: string | undefined,
  region: string | undefined,
): Place | undefined {
  if (region === undefined) {
    return country !== undefined && US_TERRITORIES.has(country)
      ? { country, zones: US_STATE_ZONES[country] ?? US_ZONES }
      : undefined;
  }
  const code = usRegionCode(region);
  if (code === undefined) return undefined;
  const regionCountry = US_TERRITORIES.has(code) ? code : 'US';
  // A territory address is often sent as country US with the territory as its state code.
  const consistent = country === undefined || country === regionCountry || country === 'US';
  return consistent
    ? { country: regionCountry, zones: US_STATE_ZONES[code] ?? US_ZONES }
    : undefined;
}

function addressPlace(profile: PolicyProfile, location: DebtorLocation): Place | undefined {
  const country = location.addressCountry?.trim().toUpperCase() || undefined;
  const region = location.addressRegion?.trim() || undefined;
  if (profile === 'CN') {
    return country === undefined || country === 'CN'
      ? { country: 'CN', zones: PROFILE_ZONES.CN }
      : undefined;
  }
  return usAddressPlace(country, region);
}

/**
 * The zones the debtor may be in. Only an address narrows them: a phone number travels with its
 * owner, so its country can only contradict an address, never place the debtor. An unknown,
 * foreign or contradictory location gives every zone of the profile, the strictest reading of
 * Reg F §1006.6(b)(1)(i) and its commentary (convenient wherever the consumer may be).
 */
export function debtorTimeZones(profile: PolicyProfile, location: DebtorLocation): string[] {
  const place = addressPlace(profile, location);
  const phoneCountry = location.phoneCountry?.trim().toUpperCase() || undefined;
  if (place === undefined || (phoneCountry !== undefined && phoneCountry !== place.country)) {
    return [...PROFILE_ZONES[profile]];
  }
  return [...place.zones];
}
