import { z } from 'zod';
import { personName } from '../identity-subject.v1.js';
import { dateTime, text } from '../primitives.js';
import { bindingIdSchema, relayNumberSchema } from './relays.v1.js';

/** Person ids are service-generated UUIDs; anything else names nobody. */
export const personIdSchema = z.uuid('must be a person id (UUID)').meta({ id: 'PersonId' });

/** Why contact is restricted; each maps to a compliance rule of the call policy. */
export const RESTRICTION_REASONS = ['cease_communication', 'attorney', 'dispute', 'deceased'] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

export const restrictionReasonSchema = z.enum(RESTRICTION_REASONS).meta({ id: 'RestrictionReason' });

export const restrictSubjectRequest = z
  .strictObject({
    reason: restrictionReasonSchema,
    note: text(500).optional().describe('For privacy officers only (e.g. the request\'s reference); never shown to a creditor.'),
  })
  .meta({ id: 'RestrictSubjectRequest' });

export type RestrictSubjectRequest = z.infer<typeof restrictSubjectRequest>;

export const liftRestrictionQuery = z.strictObject({ reason: restrictionReasonSchema.optional() });

const restriction = z.strictObject({
  reason: restrictionReasonSchema,
  since: dateTime.nullable(),
  note: z.string().nullable(),
});

export const subjectRestrictions = z
  .strictObject({
    personId: personIdSchema,
    restrictions: z.array(restriction),
    bindingsRevoked: z.number().int().min(0).describe('Active relay bindings of the person ended by this request.'),
  })
  .meta({ id: 'SubjectRestrictions' });

export type SubjectRestrictions = z.infer<typeof subjectRestrictions>;

export const eraseSubjectRequest = z
  .strictObject({
    confirm: personIdSchema.describe('The person id again: erasure cannot be undone.'),
    reason: text(500).optional().describe('The request\'s reference or ground (e.g. GDPR Art. 17(1)(a)); audited.'),
  })
  .meta({ id: 'EraseSubjectRequest' });

export type EraseSubjectRequest = z.infer<typeof eraseSubjectRequest>;

export const erasureReceipt = z
  .strictObject({
    personId: personIdSchema,
    erasedAt: dateTime,
    recordsErased: z.number().int().min(0),
    casesMarkedErased: z.number().int().min(0),
    bindingsRevoked: z.number().int().min(0),
    tombstones: z.number().int().min(0).describe('Keyed HMACs of the erased record keys, kept so ingest drops them if sent again.'),
  })
  .meta({ id: 'ErasureReceipt' });

export type ErasureReceipt = z.infer<typeof erasureReceipt>;

const reportedRecord = z.strictObject({
  sourceId: z.string(),
  sourceName: z.string().nullable(),
  sourceRecordId: z.string(),
  legalBasis: z.string().nullable().describe('The basis the record is held under: one its source named, else the source\'s registered one.'),
  retentionDays: z.number().int().nullable(),
  observedAt: dateTime.nullable(),
  retracted: z.boolean(),
  names: z.array(personName),
  birthDate: z.string().nullable(),
  phones: z.array(z.strictObject({ number: z.string(), status: z.string(), lastSeenAt: z.string().nullable() })),
  emails: z.array(z.strictObject({ address: z.string(), lastSeenAt: z.string().nullable(), verified: z.boolean().nullable() })),
  addresses: z.array(
    z.object({
      lines: z.array(z.string()),
      locality: z.string().optional(),
      region: z.string().optional(),
      postcode: z.string().optional(),
      country: z.string(),
      lastSeenAt: z.string().optional(),
    }),
  ),
  employer: z.string().nullable(),
  nationalIds: z
    .array(z.strictObject({ country: z.string(), type: z.string() }))
    .describe('Only country and type: the service stores an id number as a keyed HMAC and cannot show it.'),
  thirdPartyRelations: z
    .record(z.string(), z.number().int())
    .describe('How many people the source reported the subject in contact with, by kind; never their numbers.'),
});

const reportedContact = z.strictObject({
  rank: z.number().int(),
  kind: z.enum(['phone', 'email']),
  value: z.string(),
  status: z.string().nullable(),
  reachable: z.boolean(),
  verified: z.boolean().nullable(),
  lastSeenAt: z.string().nullable(),
  best: z.boolean(),
});

const reportedCase = z.strictObject({ creditor: z.string(), caseId: z.string(), registeredAt: z.string().nullable(), state: z.string().nullable() });

const reportedBinding = z.strictObject({
  bindingId: bindingIdSchema,
  creditor: z.string(),
  caseId: z.string(),
  relayNumber: relayNumberSchema,
  state: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
});

const reportedDecision = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  outcome: z.string(),
  reason: z.string().nullable(),
  actor: z.strictObject({ role: z.string(), creditor: z.string().nullable() }),
  caseId: z.string().nullable(),
  creditor: z.string().nullable(),
  bindingId: z.string().nullable(),
  callId: z.string().nullable(),
  purpose: z.string().nullable(),
  legalBasis: z.string().nullable(),
});

/** Everything held about one data subject, and every decision about them (GDPR Art. 15, PIPL Art. 45). */
export const subjectReport = z
  .strictObject({
    personId: personIdSchema,
    generatedAt: dateTime,
    reachability: z.string().nullable(),
    records: z.array(reportedRecord),
    contacts: z.array(reportedContact).describe('The person\'s contact points as currently ranked, best first.'),
    restrictions: z.array(restriction),
    cases: z.array(reportedCase).describe('Creditors\' cases concerning the person.'),
    relayBindings: z.array(reportedBinding).describe('Masked relay numbers (the service\'s own) bound to the person, active and past.'),
    decisions: z.array(reportedDecision).describe('Every access and contact decision about the person, from the audit log.'),
  })
  .meta({ id: 'SubjectReport' });

export type SubjectReport = z.infer<typeof subjectReport>;
