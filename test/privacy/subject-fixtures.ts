import { randomInt, randomUUID } from 'node:crypto';
import { cnResidentId, uniqueHanName, uniqueMobile } from '../resolve/resolution-fixtures.js';

/** Recent enough that phones count as reachable, never in the future. */
export const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/** Everything a provider can say about one data subject, unique to this test run. */
export function subjectValues() {
  return {
    name: uniqueHanName('司马'),
    birthDate: '1982-03-04',
    nationalId: cnResidentId('19820304'),
    phone: uniqueMobile(),
    email: `subject.${randomUUID().slice(0, 8)}@example.org`,
    addressLine: `测试路${randomInt(1_000_000)}号${randomInt(1000)}室`,
    employer: `测试公司-${randomUUID().slice(0, 8)}`,
    thirdParty: uniqueMobile(),
  };
}

export type SubjectValues = ReturnType<typeof subjectValues>;

/** The creditor's record of the subject: every field group it may send; `alsoPhone` a second number. */
export function creditorRecord(v: SubjectValues, o: { observedAt?: string; alsoPhone?: string; recordId?: string; legalBasis?: string } = {}) {
  const seenAt = o.observedAt ?? anHourAgo();
  return {
    eventId: randomUUID(),
    sourceId: 'demo-creditor',
    sourceRecordId: o.recordId ?? `PRIV-C-${randomUUID()}`,
    observedAt: seenAt,
    ...(o.legalBasis ? { legalBasis: o.legalBasis } : {}),
    op: 'upsert' as const,
    subject: {
      names: [{ full: v.name, script: 'Hans' }],
      birthDate: v.birthDate,
      nationalIds: [{ country: 'CN', type: 'CN_RIC', value: v.nationalId }],
      phones: [v.phone, ...(o.alsoPhone ? [o.alsoPhone] : [])].map((number) => ({ number, status: 'active' as const, lastSeenAt: seenAt })),
      emails: [{ address: v.email, lastSeenAt: seenAt, verified: true }],
      addresses: [{ lines: [v.addressLine], locality: '北京', postcode: '100001', country: 'CN' }],
      employer: { name: v.employer },
    },
  };
}

/** The telecom's record of the subject: their number, and a frequent contact (a third party). */
export function telcoRecord(v: SubjectValues, o: { observedAt?: string; recordId?: string } = {}) {
  const seenAt = o.observedAt ?? anHourAgo();
  return {
    eventId: randomUUID(),
    sourceId: 'demo-telco',
    sourceRecordId: o.recordId ?? `PRIV-T-${randomUUID()}`,
    observedAt: seenAt,
    op: 'upsert' as const,
    subject: {
      names: [{ full: v.name, script: 'Hans' }],
      phones: [{ number: v.phone, status: 'active' as const, lastSeenAt: seenAt }],
      relations: [{ kind: 'frequent_contact' as const, phone: v.thirdParty, weight: 0.9 }],
    },
  };
}
