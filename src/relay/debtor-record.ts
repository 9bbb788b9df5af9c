import type { DebtorIdentifiers } from '../../contracts/api/cases.v1.js';
import { ValidationError } from '../errors.js';
import type { MatchableRecord } from '../resolve/matchable-record.js';
import { normalizeAddress } from '../resolve/normalize/address.js';
import { parseBirthDate } from '../resolve/normalize/birth-date.js';
import { nationalIdFingerprint, normalizeNationalId } from '../resolve/normalize/national-id.js';
import { normalizeName } from '../resolve/normalize/name.js';
import { normalizePhone } from '../resolve/normalize/phone.js';

/** Cases are matched as if they were one more record, so they follow exactly the rules of ingest. */
export const CASE_SOURCE_PREFIX = 'case:';

/**
 * The creditor's view of its debtor, shaped as the matcher sees records. A value the schema allows
 * but that cannot exist (a bad check digit, an impossible number) is refused naming the field only.
 */
export function debtorRecord(
  key: string,
  creditor: string,
  debtor: DebtorIdentifiers,
  deps: { fingerprintKey: Buffer; now: Date },
): MatchableRecord {
  const problems: { path: string; message: string }[] = [];
  const nowMs = deps.now.getTime();
  const birthDate = debtor.birthDate === undefined ? undefined : parseBirthDate(debtor.birthDate, deps.now);
  if (birthDate && !birthDate.ok) problems.push({ path: 'debtor.birthDate', message: `not a possible birth date (${birthDate.reason})` });
  const nationalIds = (debtor.nationalIds ?? []).flatMap((raw, i) => {
    const id = normalizeNationalId(raw, deps.now);
    if (!id.ok) {
      problems.push({ path: `debtor.nationalIds[${i}].value`, message: `not a valid ${raw.type} (${id.reason})` });
      return [];
    }
    return [{
      fingerprint: nationalIdFingerprint(id.value, deps.fingerprintKey),
      country: id.value.country,
      type: id.value.type,
      ...(id.value.birthDate === undefined ? {} : { derivedBirthDate: id.value.birthDate }),
      ...(id.value.sex === undefined ? {} : { derivedSex: id.value.sex }),
    }];
  });
  const phones = (debtor.phones ?? []).flatMap((p, i) => {
    const phone = normalizePhone(p.number, p.countryHint);
    if (!phone.ok) {
      problems.push({ path: `debtor.phones[${i}].number`, message: `not a possible phone number (${phone.reason})` });
      return [];
    }
    // A creditor's last known number: its status today is what the providers say, not the case.
    return [{ e164: phone.value.e164, status: 'unknown' as const, lastSeenAtMs: nowMs }];
  });
  if (problems.length > 0) {
    throw new ValidationError(`debtor has impossible values at: ${problems.map((p) => p.path).join(', ')}`, problems);
  }
  return {
    key,
    sourceId: `${CASE_SOURCE_PREFIX}${creditor}`,
    sourceTrust: 0,
    observedAtMs: nowMs,
    names: debtor.names.map(normalizeName),
    ...(birthDate?.ok ? { birthDate: birthDate.value } : {}),
    nationalIds,
    phones,
    emails: [],
    addresses: (debtor.addresses ?? []).map(normalizeAddress),
    thirdParties: [],
  };
}
