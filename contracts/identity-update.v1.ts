import { z } from 'zod';
import { identitySubjectV1 } from './identity-subject.v1.js';
import { SOURCE_ID_PATTERN, dateTime, text } from './primitives.js';

export { FIELD_GROUPS, identitySubjectV1 } from './identity-subject.v1.js';
export type { FieldGroup, IdentitySubjectV1 } from './identity-subject.v1.js';

export const IDENTITY_UPDATES_TOPIC = 'identity.updates.v1';
export const IDENTITY_UPDATES_DLQ_TOPIC = 'identity.updates.dlq.v1';

/** Larger messages are dead-lettered unread: no real person record comes near this. */
export const MAX_EVENT_BYTES = 256 * 1024;

const envelope = {
  schemaVersion: z.literal(1).optional(),
  eventId: z.uuid('must be a UUID').describe('Unique per event; redeliveries reuse it.'),
  sourceId: z
    .string()
    .regex(SOURCE_ID_PATTERN, 'must be a registered source id such as telco-a')
    .describe('Must equal the source-id header the event was signed under.'),
  sourceRecordId: text(200).describe(
    "The provider's own id for the person record. The Kafka message key is `<sourceId>:<sourceRecordId>`.",
  ),
  observedAt: dateTime.describe(
    'When the provider observed this state. Events more than 5 minutes in the future are rejected.',
  ),
  legalBasis: text(500)
    .optional()
    .describe(
      'The legal basis this event is sent under, when it differs from the one the source is registered ' +
        'with. Needed to send a record again after its subject was erased: an event about an erased record ' +
        'is dropped unless it names a legal basis other than the one in force when it was erased.',
    ),
};

const upsert = z.strictObject({
  ...envelope,
  op: z.literal('upsert').describe('Replace what this source said about this record.'),
  subject: identitySubjectV1,
});

const retract = z.strictObject({
  ...envelope,
  op: z.literal('retract').describe('Withdraw everything this source said about this record.'),
  subject: identitySubjectV1
    .optional()
    .describe('Ignored for retract; if present it is still validated and permission-checked.'),
});

/**
 * Objects are strict, so a field unknown to v1 is a schema error naming its path. The cost is that
 * providers cannot send a field before we ship it; the gain is that no personal data we have not
 * reviewed, and have no legal basis for, ever slips into the graph. Within v1 only additive,
 * optional fields are introduced, and providers start sending them only after we have deployed.
 */
export const identityUpdateV1 = z.discriminatedUnion('op', [upsert, retract]).meta({
  title: 'identity.update v1',
  description:
    'An authorized provider reports what it knows about one person record (upsert) or withdraws it ' +
    '(retract). Unknown fields are rejected at every level: v1 only ever gains optional fields, and ' +
    'a provider may send a new field only once the consumer accepts it. subject.relations is ' +
    'third-party evidence, stored only as internal matching evidence and never disclosed.',
});

export type IdentityUpdateV1 = z.infer<typeof identityUpdateV1>;
