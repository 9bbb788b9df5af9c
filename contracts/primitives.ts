import { z } from 'zod';

/** Lower-case slug; it never contains ':' so `<sourceId>:<sourceRecordId>` splits unambiguously. */
export const SOURCE_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

// Control characters are refused in free text so provider data cannot forge log lines or headers.
const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

export const text = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');

export const dateTime = z.iso
  .datetime({
    offset: true,
    error:
      'must be an RFC 3339 date-time with seconds and an offset, e.g. 2024-05-01T08:00:00+08:00',
  })
  .meta({ id: 'DateTime' });

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as CN')
  .meta({ id: 'CountryCode' });

/** Normalization to E.164 happens later, with the country hint; the contract only bounds the shape. */
export const phoneNumber = z
  .string()
  .min(3, 'must be E.164-like and at least 3 characters')
  .max(32, 'must be E.164-like and at most 32 characters')
  .regex(
    /^\+?[0-9(][0-9 ().-]*[0-9]$/,
    'must be E.164-like: an optional leading + then digits, optionally grouped by spaces, dashes, dots or parentheses',
  )
  .meta({ id: 'PhoneNumber' });
