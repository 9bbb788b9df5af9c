import { z } from 'zod';
import { FIELD_GROUPS } from './identity-subject.v1.js';
import { SOURCE_ID_PATTERN, text } from './primitives.js';
import { formatPath, toSchemaProblems } from './schema-problems.js';
import type { SchemaProblem } from './schema-problems.js';

export const sourceDefinitionSchema = z.strictObject({
  id: z.string().regex(SOURCE_ID_PATTERN, 'must be a lower-case slug'),
  name: text(200),
  kind: z.enum(['telecom', 'registry', 'creditor', 'other']),
  status: z.enum(['active', 'suspended']),
  /** Name of the env var holding the HMAC key: the key itself never lives in this file. */
  signingKeyEnv: z.string().regex(/^[A-Z][A-Z0-9_]{0,127}$/, 'must be an env var name'),
  permittedFields: z
    .array(z.enum(FIELD_GROUPS))
    .refine((groups) => new Set(groups).size === groups.length, 'must not repeat a field group'),
  trust: z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
  legalBasis: text(500).refine((s) => s.trim() !== '', 'must not be blank'),
  retentionDays: z.number().int('must be a whole number').min(1).max(36_500),
});

export type SourceDefinition = z.infer<typeof sourceDefinitionSchema>;

// Ids are how events name their source; key env vars must differ too, or one provider's key
// would let it sign as another.
const sourceRegistryFileSchema = z
  .strictObject({
    version: z.literal(1),
    sources: z.array(sourceDefinitionSchema).max(1000),
  })
  .superRefine((file, ctx) => {
    for (const field of ['id', 'signingKeyEnv'] as const) {
      const seen = new Set<string>();
      file.sources.forEach((source, i) => {
        if (seen.has(source[field])) {
          ctx.addIssue({
            code: 'custom',
            path: ['sources', i, field],
            message: 'is used by an earlier source',
          });
        }
        seen.add(source[field]);
      });
    }
  });

export type SourceRegistryFile = z.infer<typeof sourceRegistryFileSchema>;

const GOOD_VALUES: Record<string, string> = {
  version: '1',
  sources: '[{ "id": "telco-a", ... }]',
  id: '"telco-a"',
  name: '"Telco A"',
  kind: '"telecom" | "registry" | "creditor" | "other"',
  status: '"active" | "suspended"',
  signingKeyEnv: '"RECONTACT_SOURCE_KEY_TELCO_A"',
  permittedFields: `a subset of ${JSON.stringify(FIELD_GROUPS)}`,
  trust: '0.8',
  legalBasis: '"PIPL Art. 13(2) contract performance"',
  retentionDays: '365',
};

export class SourceRegistryError extends Error {
  constructor(
    readonly where: string,
    readonly problems: SchemaProblem[],
  ) {
    const lines = problems.map((p) => `${p.path}: ${p.message}${goodValueHint(p.path)}`);
    super(`Invalid source registry ${where}:\n  - ${lines.join('\n  - ')}`);
    this.name = 'SourceRegistryError';
  }
}

function goodValueHint(path: string): string {
  const field = /([A-Za-z]+)(?:\[\d+\])*$/.exec(path)?.[1];
  const example = field === undefined ? undefined : GOOD_VALUES[field];
  return example === undefined ? '' : ` (good value: ${example})`;
}

/** @param where the file's path, only used in the error message */
export function parseSourceRegistry(json: unknown, where: string): SourceRegistryFile {
  const result = sourceRegistryFileSchema.safeParse(json);
  if (!result.success) throw new SourceRegistryError(where, toSchemaProblems(result.error));
  return result.data;
}

export function parseSourceRegistryText(content: string, where: string): SourceRegistryFile {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new SourceRegistryError(where, [{ path: formatPath([]), message: 'is not valid JSON' }]);
  }
  return parseSourceRegistry(json, where);
}
