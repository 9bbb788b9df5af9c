import { z } from 'zod';
import { caseIdSchema, CASE_REACHABILITY } from './api/cases.v1.js';
import { dateTime } from './primitives.js';

/**
 * `contact.refreshed.v1`: told to a creditor when what it may know about its case changed — the
 * debtor became reachable or unreachable, or a fresher contact point was found (their relay
 * follows it without the creditor doing anything). Keyed `<creditor>:<caseId>` so one case's events
 * stay ordered. Never a number, a name, a person id or anything about a third party.
 */
export const contactRefreshedV1 = z
  .strictObject({
    type: z.literal('contact.refreshed'),
    version: z.literal(1),
    eventId: z.uuid(),
    creditor: z.string(),
    caseId: caseIdSchema,
    reachability: z.enum(CASE_REACHABILITY),
    bestContactChanged: z.boolean(),
    refreshedAt: dateTime,
  })
  .meta({ id: 'ContactRefreshedV1' });

export type ContactRefreshedV1 = z.infer<typeof contactRefreshedV1>;
