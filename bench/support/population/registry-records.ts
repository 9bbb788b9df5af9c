import type { IdentitySubjectV1 } from '../../../contracts/identity-update.v1.js';
import { chinaDateTime, daysBefore } from './contract-time.js';
import { MISSING_FIELD_RATES, PHENOMENON_RATES as RATES } from './phenomenon-rates.js';
import { REGISTRY } from './record-draft.js';
import type { RecordContext, RecordDraft } from './record-draft.js';
import { addressLine } from './synthetic-person.js';
import type { SyntheticPerson } from './synthetic-person.js';

/** The public registry: names, birth date, id and address as registered, without typos. */
export function registryRecord(ctx: RecordContext, p: SyntheticPerson): RecordDraft {
  const { rng } = ctx;
  const observedAtMs = daysBefore(rng, ctx.nowMs, 0, 730);
  const latin = { given: p.givenLatin, family: p.familyLatin, script: 'Latn' };
  const subject: IdentitySubjectV1 = {
    names:
      p.origin === 'foreign'
        ? [latin]
        : rng.chance(RATES.registryPinyinName)
          ? [{ full: p.family + p.given, script: 'Hans' }, latin]
          : [{ full: p.family + p.given, script: 'Hans' }],
    birthDate: p.birthDate,
    nationalIds: [p.nationalId],
  };
  if (rng.chance(MISSING_FIELD_RATES.registryAddress)) {
    ctx.counts.add('missingField.registryAddress');
  } else {
    const { region } = p.address;
    subject.addresses = [
      {
        lines: [addressLine(p.address)],
        locality: region.district,
        region: region.region,
        postcode: region.postcode,
        country: 'CN',
        lastSeenAt: chinaDateTime(observedAtMs),
      },
    ];
  }
  return {
    personId: p.id,
    sourceId: REGISTRY,
    sourceRecordId: ctx.ids.recordId('REG-', 10),
    observedAtMs,
    subject,
    phonesListed: [],
  };
}
