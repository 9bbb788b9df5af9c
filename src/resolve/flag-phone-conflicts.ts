import type { ContactRanking } from './contacts/contact-point.js';
import { detectPhoneConflicts } from './contacts/phone-conflicts.js';
import type { ResolutionStore } from './resolution-store.js';

/**
 * Numbers two or more persons hold (a shared line, a recycled number) among these persons' ranked
 * contacts are flagged for review, and the flag is cleared on the others. Returns how many are flagged.
 */
export async function flagPhoneConflicts(
  store: Pick<ResolutionStore, 'phoneClaims' | 'writePhoneConflicts'>,
  rankings: ContactRanking[],
): Promise<number> {
  const e164s = [...new Set(rankings.flatMap((r) => r.contacts.filter((c) => c.kind === 'phone').map((c) => c.value)))].sort();
  const conflicts = detectPhoneConflicts(await store.phoneClaims(e164s));
  await store.writePhoneConflicts(e164s, conflicts);
  return conflicts.length;
}
