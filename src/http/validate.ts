import type { z } from 'zod';
import { toSchemaProblems } from '../../contracts/schema-problems.js';
import { ValidationError } from '../errors.js';

/** Parses a request part against its contract; problems name fields, never echo values. */
export function validated<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = toSchemaProblems(parsed.error);
  throw new ValidationError(`${what} is invalid at: ${problems.map((p) => p.path).join(', ')}`, problems);
}
