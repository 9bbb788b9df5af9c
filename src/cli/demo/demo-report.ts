import { CliError } from '../cli-error.js';
import { maskPhone } from '../mask-contact.js';

export type StepId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';

/**
 * What the demo prints: a heading per step, one line per thing that happened and why, and a
 * summary. Real (synthetic, but shaped like real) numbers are only ever printed through `mask`.
 */
export class DemoReport {
  private readonly outcomes: { step: StepId; title: string; result: string }[] = [];

  constructor(private readonly print: (line: string) => void) {}

  heading(step: StepId | '-', title: string): void {
    this.print('');
    this.print(step === '-' ? `== ${title}` : `== ${step}. ${title}`);
  }

  line(text: string): void {
    this.print(`   ${text}`);
  }

  /** A decision the running service made, as opposed to one the demo computed with the pure policy. */
  service(text: string): void {
    this.print(`   [service] ${text}`);
  }

  /** A decision of the pure policy function with an injected clock: explained, not observed. */
  policy(text: string): void {
    this.print(`   [policy, injected clock] ${text}`);
  }

  passed(step: StepId, title: string, result: string): void {
    this.outcomes.push({ step, title, result });
    this.print(`   ok: ${result}`);
  }

  /** Stops the demo: exit 1, with what was expected and what the service answered. */
  fail(step: StepId, message: string): never {
    throw new CliError(`recontact demo: step ${step} failed: ${message}`, 1);
  }

  summary(): void {
    this.print('');
    this.print('summary');
    for (const o of this.outcomes) this.print(`  STEP ${o.step} ok  ${o.title.padEnd(34)} ${o.result}`);
  }
}

export const mask = maskPhone;
