import { randomInt, randomUUID } from 'node:crypto';
import { mod11_2CheckCharacter } from '../../src/resolve/normalize/iso7064.js';

const GIVEN = '明华建国伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛超平刚桂兰玉霞'.split('');

/** A Han name unlikely to meet any other test's records, so runs and tests stay independent. */
export function uniqueHanName(family = '王'): string {
  return family + GIVEN[randomInt(GIVEN.length)]! + GIVEN[randomInt(GIVEN.length)]! + GIVEN[randomInt(GIVEN.length)]!;
}

/**
 * A synthetic CN resident id with a valid check digit for a birth date (YYYYMMDD). Many fixtures
 * share a birth date and one store, so the id varies in the region digits as well as the sequence:
 * a thousand sequence numbers alone made two debtors of one test run share an id now and then, and
 * an identical id rightly resolves them into one person.
 */
export function cnResidentId(birth: string): string {
  const region = `11${String(randomInt(10_000)).padStart(4, '0')}`;
  const body = `${region}${birth}${String(randomInt(1000)).padStart(3, '0')}`;
  return body + mod11_2CheckCharacter(body);
}

export function uniqueMobile(): string {
  return `+86199${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

interface Base {
  recordId?: string;
  observedAt?: string;
  name: string;
}

const envelope = (sourceId: string, o: Base) => ({
  eventId: randomUUID(),
  sourceId,
  sourceRecordId: o.recordId ?? `${sourceId.toUpperCase()}-${randomUUID()}`,
  observedAt: o.observedAt ?? '2024-05-01T00:00:00Z',
  op: 'upsert' as const,
});

export function registryEvent(o: Base & { birthDate?: string; nationalId?: string }) {
  return {
    ...envelope('demo-registry', o),
    subject: {
      names: [{ full: o.name, script: 'Hans' }],
      ...(o.birthDate ? { birthDate: o.birthDate } : {}),
      ...(o.nationalId ? { nationalIds: [{ country: 'CN', type: 'CN_RIC', value: o.nationalId }] } : {}),
    },
  };
}

export function creditorEvent(o: Base & { birthDate?: string; nationalId?: string; phone?: string; phoneStatus?: string; lastSeenAt?: string }) {
  return {
    ...envelope('demo-creditor', o),
    subject: {
      names: [{ full: o.name, script: 'Hans' }],
      ...(o.birthDate ? { birthDate: o.birthDate } : {}),
      ...(o.nationalId ? { nationalIds: [{ country: 'CN', type: 'CN_RIC', value: o.nationalId }] } : {}),
      ...(o.phone ? { phones: [{ number: o.phone, status: o.phoneStatus ?? 'active', lastSeenAt: o.lastSeenAt ?? '2024-04-30T00:00:00Z' }] } : {}),
    },
  };
}

export function telcoRecordEvent(o: Base & { phones: { number: string; status: string; lastSeenAt?: string }[]; thirdParty?: string }) {
  return {
    ...envelope('demo-telco', o),
    subject: {
      names: [{ full: o.name, script: 'Hans' }],
      phones: o.phones.map((p) => ({ number: p.number, status: p.status, lastSeenAt: p.lastSeenAt ?? o.observedAt ?? '2024-05-01T00:00:00Z' })),
      ...(o.thirdParty ? { relations: [{ kind: 'frequent_contact', phone: o.thirdParty, weight: 0.9 }] } : {}),
    },
  };
}
