import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/platform/logger.js';

/**
 * Everything a creditor could see in the suite — collector responses, creditor-facing events — and
 * every service log line, kept so one check at the end can look for real numbers in all of it.
 * Relay numbers (the test pools' `+86170…` blocks) are the service's own and may appear.
 */
const collectorFacing: string[] = [];
const logLines: string[] = [];

export function recordCollectorFacing(text: string): void {
  collectorFacing.push(text);
}

/** A debug-level logger whose lines are kept for the scan (and dropped from the console). */
export function scannedLogger(): Logger {
  return createLogger(
    'debug',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  );
}

// E.164 or a bare CN mobile, optionally grouped, standing alone (not inside an id or a hash, such as
// a UUID's last group); relay numbers excluded by their test prefix.
const REAL_NUMBER = /(?<![\w+])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\w])|(?<![\w])\+\d{10,15}(?![\w])/g;
const RELAY_PREFIX = /^\+?86170/;

export function realNumbersIn(text: string): string[] {
  return [...text.matchAll(REAL_NUMBER)].map((m) => m[0]).filter((n) => !RELAY_PREFIX.test(n.replace(/[\s-]/g, '')));
}

export function leakScanSummary(): { responses: number; logLines: number; leaks: { where: string; sample: string }[] } {
  const leaks = [
    ...collectorFacing.flatMap((t) => realNumbersIn(t).map(() => ({ where: 'collector-facing', sample: t.slice(0, 200) }))),
    ...logLines.flatMap((t) => realNumbersIn(t).map(() => ({ where: 'log line', sample: t.slice(0, 200) }))),
  ];
  return { responses: collectorFacing.length, logLines: logLines.length, leaks };
}
