import { readFileSync } from 'node:fs';

// Tests run from dist/test/<area>/; the repository root is three levels up.
const repoRoot = new URL('../../../', import.meta.url);

export function readRepoFile(path: string): string {
  return readFileSync(new URL(path, repoRoot), 'utf8');
}

export const EXAMPLE_NAMES = ['telecom', 'registry', 'creditor'] as const;

export function loadExample(name: (typeof EXAMPLE_NAMES)[number]): Record<string, unknown> {
  return JSON.parse(readRepoFile(`contracts/examples/${name}.json`)) as Record<string, unknown>;
}
