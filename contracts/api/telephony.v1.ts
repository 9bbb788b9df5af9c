import { z } from 'zod';
import { countryCode, dateTime, phoneNumber } from '../primitives.js';
import { relayNumberSchema } from './relays.v1.js';

export const callIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, 'must be the carrier call id: 1–128 letters, digits or ._:@-')
  .meta({ id: 'CallId' });

export const routeCallRequest = z
  .strictObject({ relayNumber: relayNumberSchema, from: phoneNumber, callId: callIdSchema })
  .meta({ id: 'RouteCallRequest' });

export type RouteCallRequest = z.infer<typeof routeCallRequest>;

/** Only the telephony layer ever receives `to`: it is the one place a real number leaves the service. */
export const routeDecision = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('connect'), to: relayNumberSchema, callId: callIdSchema }),
    z.strictObject({
      action: z.literal('reject'),
      reason: z.string(),
      announcement: z.string().describe('Neutral words to play: never a creditor\'s name, never a debt.'),
      callId: callIdSchema,
    }),
  ])
  .meta({ id: 'RouteDecision' });

export type RouteDecision = z.infer<typeof routeDecision>;

export const callOutcomeRequest = z
  .strictObject({
    answered: z.boolean().describe('True when the call became a conversation.'),
    endedAt: dateTime.optional(),
  })
  .meta({ id: 'CallOutcomeRequest' });

export const registerLineRequest = z
  .strictObject({ number: phoneNumber, countryHint: countryCode.optional() })
  .meta({ id: 'RegisterLineRequest' });

export const creditorLine = z
  .strictObject({ creditor: z.string(), number: relayNumberSchema, registeredAt: dateTime })
  .meta({ id: 'CreditorLine' });

export const creditorIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 letters, digits, dots, underscores or dashes')
  .meta({ id: 'CreditorId' });

export const creditorLineList = z.strictObject({ lines: z.array(creditorLine) }).meta({ id: 'CreditorLineList' });
