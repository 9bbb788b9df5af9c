/**
 * The one error type the local-infra launchers throw on purpose. Its message says what went wrong
 * and what to do about it; anything else escaping from here is a bug.
 */
export class LocalInfraError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalInfraError';
  }
}

/** Indents captured output (log tails, tool output) under an error's first line. */
export function indentBlock(title: string, lines: string[]): string {
  if (lines.length === 0) return '';
  return `\n${title}\n${lines.map((line) => `  | ${line}`).join('\n')}`;
}
