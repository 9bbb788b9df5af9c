import type { IdentitySubjectV1 } from '../../../contracts/identity-update.v1.js';
import { normalizePhone } from '../../../src/resolve/normalize/phone.js';

/** What a record says, reduced to comparable values, for explaining clustering errors. */
export interface RecordFacts {
  key: string;
  sourceId: string;
  hanNames: string[];
  /** Latin names as lower-case tokens in sorted order, so "WANG Wei" equals "Wei Wang". */
  latinNames: string[];
  birthDate: string | undefined;
  nationalIds: string[];
  mobiles: string[];
  landlines: string[];
  /** Numbers the source reports disconnected or reassigned. */
  endedNumbers: string[];
  emails: string[];
  /** First address line without spaces. */
  addresses: string[];
  /** Third parties' numbers the source reports (telecom frequent contacts). */
  contacts: string[];
  /** E.164 → the latest time the source saw it, in epoch ms. */
  lastSeenMs: Map<string, number>;
}

const CN_MOBILE = /^\+861[3-9]\d{9}$/;

export function recordFacts(
  key: string,
  sourceId: string,
  subject: IdentitySubjectV1 | undefined,
): RecordFacts {
  const names = subject?.names ?? [];
  const e164s = (subject?.phones ?? []).map((p) => {
    const result = normalizePhone(p.number, p.countryHint);
    return {
      e164: result.ok ? result.value.e164 : p.number,
      status: p.status,
      seenMs: Date.parse(p.lastSeenAt),
    };
  });
  return {
    key,
    sourceId,
    hanNames: names
      .filter((n) => n.script === 'Hans')
      .map((n) => n.full ?? `${n.family ?? ''}${n.given ?? ''}`),
    latinNames: names
      .filter((n) => n.script !== 'Hans')
      .map((n) =>
        [n.full ?? '', n.given ?? '', n.family ?? '']
          .join(' ')
          .toLowerCase()
          .split(/\s+/)
          .filter(Boolean)
          .sort()
          .join(' '),
      ),
    birthDate: subject?.birthDate,
    nationalIds: (subject?.nationalIds ?? []).map((id) => `${id.country}|${id.type}|${id.value}`),
    mobiles: e164s.filter((p) => CN_MOBILE.test(p.e164)).map((p) => p.e164),
    landlines: e164s.filter((p) => !CN_MOBILE.test(p.e164)).map((p) => p.e164),
    endedNumbers: e164s
      .filter((p) => p.status === 'disconnected' || p.status === 'reassigned')
      .map((p) => p.e164),
    emails: (subject?.emails ?? []).map((e) => e.address.toLowerCase()),
    addresses: (subject?.addresses ?? []).flatMap((a) =>
      a.lines.slice(0, 1).map((l) => l.replace(/\s+/g, '')),
    ),
    contacts: (subject?.relations ?? []).map((r) => r.phone),
    lastSeenMs: new Map(e164s.map((p) => [p.e164, p.seenMs])),
  };
}

export function shares(
  a: readonly RecordFacts[],
  b: readonly RecordFacts[],
  field: (f: RecordFacts) => readonly string[],
): boolean {
  const left = new Set(a.flatMap(field));
  return b.some((f) => field(f).some((v) => left.has(v)));
}
