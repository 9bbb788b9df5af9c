import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface StreamedRun {
  code: number;
  /** The first line, which a CSV export uses for its header. */
  first: string | undefined;
  /** Lines `keep` accepted, in output order. */
  kept: string[];
  lineCount: number;
  stderr: string;
}

/**
 * Runs `recontact <args>` and reads its stdout a line at a time, keeping only the lines a test
 * asks for: an export of the whole shared graph is far larger than a buffered run may hold.
 */
export function runCliStreamed(args: string[], keep: (line: string) => boolean, env: NodeJS.ProcessEnv = {}): Promise<StreamedRun> {
  const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: StreamedRun = { code: -1, first: undefined, kept: [], lineCount: 0, stderr: '' };
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
  // crlfDelay Infinity: a CSV record's CRLF ends one line, not two.
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (run.lineCount++ === 0) run.first = line;
    else if (keep(line)) run.kept.push(line);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...run, code: code ?? 1 }));
  });
}
