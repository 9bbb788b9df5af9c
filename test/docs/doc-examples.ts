import { readRepoFile } from '../contracts/repo-files.js';

/** What a guide says to do with one fenced block, from the HTML comment right before it. */
export interface DocExample {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: 'sh' | 'http' | 'json';
  mode: 'run' | 'check' | 'event' | 'skip';
  params: Record<string, string>;
  code: string;
  where: string;
}

/** The guides whose examples are tested; every sh, http and json block in them must be annotated. */
export const GUIDES = ['docs/providers.md', 'docs/collectors.md', 'docs/operations.md', 'docs/privacy-officers.md'] as const;

const FENCE = /^```(\w*)\s*$/;
const DIRECTIVE = /^<!--\s*example:\s*(run|check|event|skip)\b(.*?)-->\s*$/;

/**
 * The blocks of a guide in order. A tested language without a directive is an error, so that a
 * new example cannot silently escape the test.
 */
export function extractExamples(file: string, markdown = readRepoFile(file)): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const lang = open[1] ?? '';
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const code = lines.slice(i + 1, end).join('\n');
    const where = `${file}:${i + 1}`;
    if (lang === 'sh' || lang === 'http' || lang === 'json') {
      let prev = i - 1;
      while (prev >= 0 && lines[prev]!.trim() === '') prev--;
      const directive = DIRECTIVE.exec(lines[prev] ?? '');
      if (!directive) throw new Error(`${where}: a ${lang} block needs an <!-- example: run|check|event|skip --> comment right before it`);
      const mode = directive[1] as DocExample['mode'];
      const rest = (directive[2] ?? '').trim();
      const params = mode === 'skip' ? { reason: rest } : Object.fromEntries(rest.split(/\s+/).filter(Boolean).map((kv) => kv.split('=', 2) as [string, string]));
      if (mode === 'skip' && rest.length === 0) throw new Error(`${where}: a skipped example must say why`);
      examples.push({ file, line: i + 1, lang, mode, params, code, where });
    }
    i = end;
  }
  return examples;
}
