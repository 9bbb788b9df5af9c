import { z } from 'zod';
import { countryCode, dateTime, phoneNumber, text } from './primitives.js';

export const personName = z
  .strictObject({
    full: text(200).optional(),
    given: text(200).optional(),
    family: text(200).optional(),
    script: z
      .string()
      .regex(/^[A-Z][a-z]{3}$/, 'must be an ISO 15924 script code such as Hans or Latn')
      .optional(),
  })
  .refine((n) => n.full !== undefined || n.given !== undefined || n.family !== undefined, {
    message: 'a name needs at least one of full, given or family',
  })
  .meta({ id: 'PersonName', description: 'At least one of full, given or family.' });

export const birthDate = z.union([z.iso.date(), z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/)], {
  error: 'must be a date YYYY-MM-DD, or a partial date YYYY-MM or YYYY',
});

export const nationalId = z
  .strictObject({
    country: countryCode,
    type: z
      .string()
      .regex(
        /^[A-Z][A-Z0-9_]{1,31}$/,
        'must be an upper-case id type code such as CN_RIC, PASSPORT or SSN',
      ),
    value: z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/,
        'must be letters and digits, optionally with spaces, dots, slashes or dashes',
      ),
  })
  .describe('Type-specific checks (such as the CN_RIC check digit) happen during normalization.');

const phone = z.strictObject({
  number: phoneNumber,
  countryHint: countryCode.optional().describe('Country for numbers sent in national format.'),
  status: z.enum(['active', 'inactive', 'disconnected', 'reassigned', 'unknown']),
  lastSeenAt: dateTime,
  verification: z
    .strictObject({ method: z.enum(['otp', 'call', 'carrier']), at: dateTime })
    .optional()
    .describe('How and when the provider last confirmed the subject holds this number.'),
});

const email = z.strictObject({
  address: z.email('must be an email address').max(254, 'must be at most 254 characters'),
  lastSeenAt: dateTime.optional(),
  verified: z.boolean().optional(),
});

// Only lines and country are required: many countries have no postcode or region.
const address = z.strictObject({
  lines: z
    .array(text(200))
    .min(1, 'must have at least one line')
    .max(6, 'must have at most 6 lines'),
  locality: text(100).optional(),
  region: text(100).optional(),
  postcode: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,11}$/, 'must be a postal code such as 100000')
    .optional(),
  country: countryCode,
  lastSeenAt: dateTime.optional(),
});

const relation = z
  .strictObject({
    kind: z.enum(['frequent_contact', 'household_member', 'emergency_contact']),
    phone: phoneNumber,
    weight: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
  })
  .describe(
    'Third-party evidence about someone connected to the subject. Used only as internal matching ' +
      'evidence; never disclosed to any client, report or relay.',
  );

const upTo = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, `must have at most ${max} items`);

/** Each key is a field group a source must be permitted to send (see the source registry). */
export const identitySubjectV1 = z
  .strictObject({
    names: upTo(personName, 10).optional(),
    birthDate: birthDate.optional(),
    nationalIds: upTo(nationalId, 10).optional(),
    phones: upTo(phone, 20).optional(),
    emails: upTo(email, 20).optional(),
    addresses: upTo(address, 10).optional(),
    employer: z.strictObject({ name: text(200) }).optional(),
    relations: upTo(relation, 50).optional(),
  })
  .meta({ id: 'IdentitySubjectV1' });

export type IdentitySubjectV1 = z.infer<typeof identitySubjectV1>;

export const FIELD_GROUPS = [
  'names',
  'birthDate',
  'nationalIds',
  'phones',
  'emails',
  'addresses',
  'employer',
  'relations',
] as const satisfies readonly (keyof IdentitySubjectV1)[];

export type FieldGroup = (typeof FIELD_GROUPS)[number];
