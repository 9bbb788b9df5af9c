import { z } from 'zod';
import { dateTime } from '../primitives.js';

export const RELAY_PURPOSES = ['debt_collection', 'payment_arrangement', 'account_servicing'] as const;

export const MAX_TTL_SECONDS = 30 * 24 * 3600;

export const requestRelay = z
  .strictObject({
    purpose: z.enum(RELAY_PURPOSES),
    ttlSeconds: z
      .number()
      .int('must be a whole number of seconds')
      .min(60, 'must be at least 60 seconds')
      .max(MAX_TTL_SECONDS, 'must be at most 30 days (2592000 seconds); bindings never live forever')
      .optional()
      .describe('Defaults to 7 days.'),
  })
  .meta({ id: 'RequestRelay' });

export type RequestRelay = z.infer<typeof requestRelay>;

export const relayNumberSchema = z
  .string()
  .regex(/^\+[1-9][0-9]{6,14}$/, 'must be an E.164 number such as +8617000000001')
  .meta({ id: 'E164' });

export const bindingIdSchema = z.uuid('must be a binding id (UUID)').meta({ id: 'BindingId' });

/** The masked number a collector dials; it says nothing about the debtor. */
export const relayBinding = z
  .strictObject({
    bindingId: bindingIdSchema,
    relayNumber: relayNumberSchema,
    expiresAt: dateTime,
  })
  .meta({ id: 'RelayBinding' });

export type RelayBindingView = z.infer<typeof relayBinding>;
