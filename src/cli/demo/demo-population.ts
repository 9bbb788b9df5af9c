import { randomInt, randomUUID } from 'node:crypto';

/**
 * The demo's synthetic people. Every name, id and number is generated per run from test ranges:
 * no real person is described, and a run never meets the records of an earlier one.
 */
export interface DemoDebtor {
  label: string;
  name: string;
  birthDate: string;
  nationalId: string;
  /** The number the creditor's system still has; the operator reports it disconnected. */
  oldPhone: string;
  /** The number the telecom operator reports active now. */
  newPhone: string;
  /** A frequent contact of the debtor, known to the operator only as a relation. */
  thirdParty: string;
  creditorRecordId: string;
}

export interface LabelledEvent {
  label: string;
  event: { sourceId: string; sourceRecordId: string } & Record<string, unknown>;
}

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀', '霞', '平', '刚'];

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;

export function syntheticName(): string {
  return pick(FAMILY) + pick(GIVEN) + pick(GIVEN) + pick(GIVEN);
}

/** A CN mobile number in the 199 block, random in its last eight digits. */
export function syntheticMobile(): string {
  return `+86199${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A CN resident id (GB 11643) for Beijing Dongcheng with a valid check character. */
export function syntheticResidentId(birthDate: string): string {
  const body = `110101${birthDate.replace(/-/g, '')}${String(randomInt(1000)).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i]!, 0);
  return body + CHECK[sum % 11]!;
}

function syntheticBirthDate(): string {
  return `19${60 + randomInt(40)}-${String(1 + randomInt(12)).padStart(2, '0')}-${String(1 + randomInt(28)).padStart(2, '0')}`;
}

export function syntheticDebtor(label: string, run: string): DemoDebtor {
  const birthDate = syntheticBirthDate();
  return {
    label,
    name: syntheticName(),
    birthDate,
    nationalId: syntheticResidentId(birthDate),
    oldPhone: syntheticMobile(),
    newPhone: syntheticMobile(),
    thirdParty: syntheticMobile(),
    creditorRecordId: `DEMO-${run}-LOAN-${label}`,
  };
}

const envelope = (sourceId: string, sourceRecordId: string, observedAt: string) => ({
  eventId: randomUUID(),
  sourceId,
  sourceRecordId,
  observedAt,
  op: 'upsert' as const,
});

/**
 * What the three kinds of provider know of one debtor: the registry ties name, birth date and id;
 * the creditor's system has the id and the old number; the operator has the old number (cut off)
 * and the new one (active), and a frequent contact of its subscriber.
 */
export function debtorEvents(d: DemoDebtor, run: string, now: Date): LabelledEvent[] {
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString();
  const longAgo = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  const cutOff = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const name = [{ full: d.name, script: 'Hans' }];
  const nationalIds = [{ country: 'CN', type: 'CN_RIC', value: d.nationalId }];
  return [
    {
      label: `${d.label}: public registry record`,
      event: {
        ...envelope('demo-registry', `DEMO-${run}-REG-${d.label}`, yesterday),
        subject: {
          names: name,
          birthDate: d.birthDate,
          nationalIds,
          addresses: [{ lines: ['1 Demo Road'], locality: 'Beijing', country: 'CN' }],
        },
      },
    },
    {
      label: `${d.label}: creditor's loan record (last known number)`,
      event: {
        ...envelope('demo-creditor', d.creditorRecordId, longAgo),
        subject: { names: name, birthDate: d.birthDate, nationalIds, phones: [{ number: d.oldPhone, status: 'unknown', lastSeenAt: longAgo }] },
      },
    },
    {
      label: `${d.label}: telecom subscriber record (old number inactive since a month, new number active, one frequent contact)`,
      event: {
        ...envelope('demo-telco', `DEMO-${run}-SUB-${d.label}`, yesterday),
        subject: {
          names: name,
          phones: [
            { number: d.oldPhone, status: 'inactive', lastSeenAt: cutOff },
            { number: d.newPhone, status: 'active', lastSeenAt: yesterday },
          ],
          relations: [{ kind: 'frequent_contact', phone: d.thirdParty, weight: 0.9 }],
        },
      },
    },
  ];
}

/** People no case is about: the graph a debtor is found in is never only the debtor. */
export function backgroundEvents(count: number, run: string, now: Date): LabelledEvent[] {
  const seen = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const name = [{ full: syntheticName(), script: 'Hans' }];
    const birthDate = syntheticBirthDate();
    return [
      {
        label: `background person ${i + 1}: registry record`,
        event: { ...envelope('demo-registry', `DEMO-${run}-REG-BG${i}`, seen), subject: { names: name, birthDate, nationalIds: [{ country: 'CN', type: 'CN_RIC', value: syntheticResidentId(birthDate) }] } },
      },
      {
        label: `background person ${i + 1}: telecom record`,
        event: { ...envelope('demo-telco', `DEMO-${run}-SUB-BG${i}`, seen), subject: { names: name, phones: [{ number: syntheticMobile(), status: 'active', lastSeenAt: seen }] } },
      },
    ];
  }).flat();
}
