import { z } from 'zod';

/** RFC 9457 problem details with our stable `code`; clients branch on `code`, not on `title`. */
export const problemDetails = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    detail: z.string().optional(),
    instance: z.string().optional(),
    problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
