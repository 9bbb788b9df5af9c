import type { IdentitySubjectV1 } from '../../../contracts/identity-update.v1.js';
import { chinaDateTime } from './contract-time.js';
import { PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import type { RecordContext } from './record-draft.js';
import { addressLine } from './synthetic-person.js';
import type { SyntheticAddress } from './synthetic-person.js';

type Address = NonNullable<IdentitySubjectV1['addresses']>[number];

/** The address as the borrower wrote it: spaced, all on one line, or without the unit. */
export function creditorAddress(
  ctx: RecordContext,
  a: SyntheticAddress,
  observedAtMs: number,
): Address {
  const { region } = a;
  const lastSeenAt = chinaDateTime(observedAtMs);
  const structured = {
    locality: region.district,
    region: region.region,
    postcode: region.postcode,
  };
  if (!ctx.rng.chance(RATES.addressFormatVariation)) {
    return { lines: [addressLine(a)], ...structured, country: 'CN', lastSeenAt };
  }
  ctx.counts.add('addressFormatVariations');
  switch (ctx.rng.int(0, 2)) {
    case 0:
      return {
        lines: [`${a.street} ${a.number} 号 ${a.building} 栋 ${a.unit} 单元 ${a.room} 室`],
        ...structured,
        country: 'CN',
        lastSeenAt,
      };
    case 1:
      return {
        lines: [region.region + region.district + addressLine(a)],
        postcode: region.postcode,
        country: 'CN',
        lastSeenAt,
      };
    default:
      return {
        lines: [`${a.street}${a.number}号${a.building}栋${a.room}室`],
        ...structured,
        country: 'CN',
        lastSeenAt,
      };
  }
}
