import type { Logger } from '../platform/logger.js';
import { safeErrorSummary } from '../platform/safe-error.js';

/**
 * Runs `work` every `intervalMs` until stopped, one run at a time; a failing run is logged and the
 * next one tries again. `stop` waits for a run in progress, so a shutdown never cuts one in half.
 */
export class RepeatingTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly log?: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .then(
          () => undefined,
          (error: unknown) =>
            this.log?.warn(
              { ...safeErrorSummary(error), task: this.name },
              'periodic audit task failed; retrying next interval',
            ),
        )
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.intervalMs);
  }
}
