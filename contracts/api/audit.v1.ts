import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One audit record as stored: ids and keyed HMACs only, never a number or an id number in clear. */
export const auditRecordView = z
  .object({
    chain: z.string(),
    seq: z.number().int().min(1),
    at: z.string(),
    prevHash: z.string().regex(/^[0-9a-f]{64}$/),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    action: z.string(),
    actor: z.object({ subject: z.string(), role: z.string(), creditor: z.string().optional() }),
    outcome: z.enum(['allowed', 'denied', 'failed']),
    reason: z.string().optional(),
    resources: z.record(z.string(), z.string()).optional(),
    purpose: z.string().optional(),
    legalBasis: z.string().optional(),
    requestId: z.string().optional(),
    fingerprints: z.record(z.string(), z.string()).optional(),
    details: z.record(z.string(), scalar).optional(),
  })
  .meta({ id: 'AuditRecord' });

export const auditPage = z
  .strictObject({
    records: z.array(auditRecordView).describe('Newest first.'),
    nextCursor: z.number().int().nullable().describe('Pass as `after` for the next, older page; null at the start of the chain.'),
  })
  .meta({ id: 'AuditPage' });

export const auditVerification = z
  .strictObject({
    ok: z.boolean(),
    chain: z.string(),
    checkedRecords: z.number().int(),
    checkedCheckpoints: z.number().int(),
    headSeq: z.number().int(),
    firstBroken: z
      .strictObject({
        seq: z.number().int(),
        kind: z.enum(['EDITED', 'DELETED', 'INSERTED', 'REORDERED', 'FORGED_CHECKPOINT', 'CHECKPOINT_MISMATCH']),
        detail: z.string(),
      })
      .optional()
      .describe('The first position where the chain or a checkpoint does not hold.'),
  })
  .meta({ id: 'AuditVerification' });
