import { z } from 'zod';
import { birthDate, nationalId, personName } from '../identity-subject.v1.js';
import { countryCode, dateTime, phoneNumber, text } from '../primitives.js';

/** A creditor's own case reference: safe to log and to put in a URL. */
export const caseIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, dots, underscores or dashes, starting with a letter or digit')
  .meta({ id: 'CaseId' });

const upTo = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must have at most ${max} items`);

/** What the creditor knows of its debtor. Used only to find the person; never echoed back. */
export const debtorIdentifiers = z
  .strictObject({
    names: upTo(personName, 5).min(1, 'must have at least one name'),
    birthDate: birthDate.optional(),
    nationalIds: upTo(nationalId, 5).optional(),
    phones: upTo(
      z.strictObject({ number: phoneNumber, countryHint: countryCode.optional() }),
      10,
    ).optional().describe('Last known numbers; they help find the person and are never returned.'),
    addresses: upTo(
      z.strictObject({
        lines: z.array(text(200)).min(1, 'must have at least one line').max(6, 'must have at most 6 lines'),
        locality: text(100).optional(),
        region: text(100).optional(),
        postcode: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,11}$/, 'must be a postal code such as 100000').optional(),
        country: countryCode,
      }),
      5,
    ).optional(),
  })
  .meta({ id: 'DebtorIdentifiers' });

export const registerCaseRequest = z
  .strictObject({ caseId: caseIdSchema, debtor: debtorIdentifiers })
  .meta({ id: 'RegisterCaseRequest' });

export type RegisterCaseRequest = z.infer<typeof registerCaseRequest>;
export type DebtorIdentifiers = z.infer<typeof debtorIdentifiers>;

export const CASE_REACHABILITY = ['reachable', 'stale', 'unreachable', 'unmatched'] as const;

/** Everything a creditor learns about its case: never a number, a name or a person id. */
export const caseStatus = z
  .strictObject({
    caseId: caseIdSchema,
    status: z.enum(['open', 'closed']),
    reachability: z.enum(CASE_REACHABILITY),
    confidence: z.number().min(0).max(1).nullable().describe('How sure the match to a person is; null while unmatched.'),
    lastRefreshedAt: dateTime.nullable().describe('When the matched person\'s contact points last changed.'),
    registeredAt: dateTime,
  })
  .meta({ id: 'CaseStatus' });

export type CaseStatus = z.infer<typeof caseStatus>;
