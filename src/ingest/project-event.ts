import { createHmac } from 'node:crypto';
import type { IdentitySubjectV1, IdentityUpdateV1 } from '../../contracts/identity-update.v1.js';
import type { SchemaProblem } from '../../contracts/schema-problems.js';
import type { SourceDefinition } from '../../contracts/source-registry.js';
import { parseBirthDate } from '../resolve/normalize/birth-date.js';
import { normalizeEmail } from '../resolve/normalize/email.js';
import { nationalIdFingerprint, normalizeNationalId } from '../resolve/normalize/national-id.js';
import { normalizePhone } from '../resolve/normalize/phone.js';
import { recordFingerprint } from '../resolve/record-fingerprint.js';
import { recordKey, type RecordEmail, type RecordNationalId, type RecordPhone, type SourceRecordUpdate, type ThirdPartyEvidence } from '../resolve/source-record.js';
import type { Rejection } from './rejection.js';

export type ProjectionResult = { ok: true; update: SourceRecordUpdate } | { ok: false; rejection: Rejection };
export type ProjectEvent = (event: IdentityUpdateV1, source: SourceDefinition) => ProjectionResult;

/**
 * Maps a valid contract event to what the graph stores: phones in E.164, national ids and third
 * parties' numbers as keyed fingerprints. A value the schema accepts but that cannot exist (an
 * impossible number, a bad check digit) is a SCHEMA_INVALID rejection naming the field, never the value.
 */
export function createEventProjector(deps: { fingerprintKey: Buffer; clock: () => Date }): ProjectEvent {
  return (event, source) => {
    const problems: SchemaProblem[] = [];
    const subject: IdentitySubjectV1 = event.op === 'upsert' ? event.subject : {};
    const update: SourceRecordUpdate = {
      eventId: event.eventId,
      sourceId: event.sourceId,
      sourceRecordId: event.sourceRecordId,
      observedAt: event.observedAt,
      observedAtMs: Date.parse(event.observedAt),
      op: event.op,
      legalBasis: event.legalBasis ?? null,
      recordFingerprint: recordFingerprint(deps.fingerprintKey, recordKey(event.sourceId, event.sourceRecordId)),
      names: subject.names ?? [],
      birthDate: birthDateOf(subject, deps.clock(), problems),
      addresses: subject.addresses ?? [],
      employer: subject.employer?.name ?? null,
      phones: phonesOf(subject, problems),
      emails: emailsOf(subject, problems),
      nationalIds: nationalIdsOf(subject, deps, problems),
      thirdParties: thirdPartiesOf(subject, deps.fingerprintKey, problems),
    };
    if (problems.length > 0) {
      return {
        ok: false,
        rejection: {
          reason: 'SCHEMA_INVALID',
          detail: `event has impossible values at: ${problems.map((p) => p.path).join(', ')}`,
          sourceId: source.id,
          problems,
        },
      };
    }
    return { ok: true, update };
  };
}

function birthDateOf(subject: IdentitySubjectV1, now: Date, problems: SchemaProblem[]): string | null {
  if (subject.birthDate === undefined) return null;
  const parsed = parseBirthDate(subject.birthDate, now);
  if (parsed.ok) return subject.birthDate;
  problems.push({ path: 'subject.birthDate', message: `not a possible birth date (${parsed.reason})` });
  return null;
}

function phonesOf(subject: IdentitySubjectV1, problems: SchemaProblem[]): RecordPhone[] {
  const byNumber = new Map<string, RecordPhone>();
  (subject.phones ?? []).forEach((p, i) => {
    const normalized = normalizePhone(p.number, p.countryHint);
    if (!normalized.ok) {
      problems.push({ path: `subject.phones[${i}].number`, message: `not a possible phone number (${normalized.reason})` });
      return;
    }
    const phone: RecordPhone = {
      e164: normalized.value.e164,
      status: p.status,
      lastSeenAt: p.lastSeenAt,
      verificationMethod: p.verification?.method ?? null,
      verifiedAt: p.verification?.at ?? null,
    };
    // The same number twice in one record: the latest sighting speaks for it.
    const seen = byNumber.get(phone.e164);
    if (!seen || Date.parse(phone.lastSeenAt) > Date.parse(seen.lastSeenAt)) byNumber.set(phone.e164, phone);
  });
  return [...byNumber.values()];
}

function emailsOf(subject: IdentitySubjectV1, problems: SchemaProblem[]): RecordEmail[] {
  const byAddress = new Map<string, RecordEmail>();
  (subject.emails ?? []).forEach((e, i) => {
    const normalized = normalizeEmail(e.address);
    if (!normalized.ok) {
      problems.push({ path: `subject.emails[${i}].address`, message: `not a usable email address (${normalized.reason})` });
      return;
    }
    byAddress.set(normalized.value.address, {
      address: normalized.value.address,
      lastSeenAt: e.lastSeenAt ?? null,
      verified: e.verified ?? null,
    });
  });
  return [...byAddress.values()];
}

function nationalIdsOf(
  subject: IdentitySubjectV1,
  deps: { fingerprintKey: Buffer; clock: () => Date },
  problems: SchemaProblem[],
): RecordNationalId[] {
  const byFingerprint = new Map<string, RecordNationalId>();
  (subject.nationalIds ?? []).forEach((raw, i) => {
    const id = normalizeNationalId(raw, deps.clock());
    if (!id.ok) {
      problems.push({ path: `subject.nationalIds[${i}].value`, message: `not a valid ${raw.type} (${id.reason})` });
      return;
    }
    const fingerprint = nationalIdFingerprint(id.value, deps.fingerprintKey);
    byFingerprint.set(fingerprint, {
      fingerprint,
      country: id.value.country,
      type: id.value.type,
      derivedBirthDate: id.value.birthDate ?? null,
      derivedSex: id.value.sex ?? null,
    });
  });
  return [...byFingerprint.values()];
}

/** Third parties' numbers are fingerprinted at once: the graph never holds them in clear. */
function thirdPartiesOf(subject: IdentitySubjectV1, key: Buffer, problems: SchemaProblem[]): ThirdPartyEvidence[] {
  const out: ThirdPartyEvidence[] = [];
  (subject.relations ?? []).forEach((r, i) => {
    const phone = normalizePhone(r.phone);
    if (!phone.ok) {
      problems.push({ path: `subject.relations[${i}].phone`, message: `not a possible phone number (${phone.reason})` });
      return;
    }
    out.push({ kind: r.kind, weight: r.weight, fingerprint: thirdPartyFingerprint(phone.value.e164, key) });
  });
  return out;
}

export function thirdPartyFingerprint(e164: string, key: Buffer): string {
  return createHmac('sha256', key).update(`third-party-phone|${e164}`).digest('hex');
}
