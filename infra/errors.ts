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

/**
 * A Java log's tail is mostly stack frames; the lines that say what failed (the exception and each
 * "Caused by") are few and far apart. Each run of frames becomes one line counting them, so a
 * short excerpt still shows every message.
 */
export function collapseStackFrames(lines: string[]): string[] {
  const out: string[] = [];
  let frames = 0;
  const flush = (): void => {
    if (frames > 0) out.push(`\t... ${frames} stack ${frames === 1 ? 'frame' : 'frames'}`);
    frames = 0;
  };
  for (const line of lines) {
    const elided = /^\s+\.\.\. (\d+) more$/.exec(line);
    if (elided) {
      frames += Number(elided[1]);
    } else if (/^\s+at \S/.test(line)) {
      frames += 1;
    } else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}
