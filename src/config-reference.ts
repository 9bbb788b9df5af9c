import type { z } from 'zod';
import { REQUIRED_FOR_EXTERNAL, settingExamples, settingsSchema } from './config.js';

export const REFERENCE_START = '<!-- config-reference:start (generated from src/config.ts; regenerate with `node dist/src/write-config-reference.js`) -->';
export const REFERENCE_END = '<!-- config-reference:end -->';

interface SettingRow {
  name: string;
  default: string;
  example: string;
  description: string;
}

/** The default a zod field fills in, unwrapping the describe/optional layers it may sit under. */
function defaultOf(schema: z.ZodType): unknown {
  type Layer = { _zod: { def: { type: string; defaultValue?: unknown; innerType?: unknown } } };
  let current = schema as unknown as Layer;
  for (;;) {
    const def = current._zod.def;
    if (def.type === 'default') return def.defaultValue;
    if (def.innerType === undefined) return undefined;
    current = def.innerType as Layer;
  }
}

export function settingRows(): SettingRow[] {
  const required = new Set<string>(REQUIRED_FOR_EXTERNAL);
  return Object.entries(settingsSchema.shape).map(([name, schema]) => {
    const fallback = defaultOf(schema as z.ZodType);
    const description = (schema as z.ZodType).description;
    if (description === undefined) throw new Error(`${name} has no .describe() text in src/config.ts`);
    const example = settingExamples[name];
    if (example === undefined) throw new Error(`${name} has no example in src/config.ts`);
    return {
      name,
      default:
        fallback !== undefined && fallback !== ''
          ? `\`${JSON.stringify(fallback).replace(/^"|"$/g, '')}\``
          : required.has(name)
            ? 'generated locally; **required** with external servers'
            : '—',
      example: `\`${example}\``,
      description,
    };
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown table docs/operations.md carries between its markers. */
export function renderConfigReference(): string {
  const rows = settingRows().map((r) => `| \`${r.name}\` | ${cell(r.default)} | ${cell(r.example)} | ${cell(r.description)} |`);
  return [
    REFERENCE_START,
    '',
    '| variable | default | example | meaning |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Besides these, each source\'s signing key is read from the variable its registry entry names in `signingKeyEnv`',
    '(for example `RECONTACT_SOURCE_KEY_DEMO_TELCO`). With external servers, `AUTH_JWT_PUBLIC_KEY_FILES` or `AUTH_JWKS_FILE`',
    '(or `AUTH_ALLOW_HS256=true` with a secret) must be set too, so that tokens can be verified.',
    '',
    REFERENCE_END,
  ].join('\n');
}

/** `markdown` with the generated section replaced by a fresh one; throws when the markers are missing. */
export function withFreshConfigReference(markdown: string): string {
  const start = markdown.indexOf(REFERENCE_START.slice(0, 30));
  const end = markdown.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error('the configuration reference markers are missing');
  return markdown.slice(0, start) + renderConfigReference() + markdown.slice(end + REFERENCE_END.length);
}
