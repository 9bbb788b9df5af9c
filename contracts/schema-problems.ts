import type { z } from 'zod';

export interface SchemaProblem {
  /** JSON path such as `subject.phones[0].status`; `(root)` for the document itself. */
  path: string;
  message: string;
}

const MAX_PROBLEMS = 50;

// A key outside the schema is attacker- or provider-chosen text; only name-like keys are echoed,
// so a stray value (say, a phone number used as a key) never lands in a log or dead letter.
const NAME_LIKE_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = typeof segment === 'string' && NAME_LIKE_KEY.test(segment) ? segment : '<key>';
      out += out === '' ? key : `.${key}`;
    }
  }
  return out === '' ? '(root)' : out;
}

/** Flattens zod issues into path + message pairs, one per unknown key, capped for hostile input. */
export function toSchemaProblems(error: z.ZodError): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          path: formatPath([...issue.path, key]),
          message: 'is not a field of this schema; unknown fields are rejected',
        });
      }
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  if (problems.length <= MAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS);
  kept.push({ path: '(root)', message: `and ${problems.length - MAX_PROBLEMS} more problems` });
  return kept;
}
