export interface RetryOptions {
  /** Give up after this long; the last error is rethrown. */
  deadlineMs: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** A deterministic failure is rethrown at once; by default everything is retried. */
  retryIf?: (error: unknown) => boolean;
}

/** Retries with capped exponential backoff and jitter until it succeeds or the deadline passes. */
export async function retryUntil<T>(work: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const deadline = Date.now() + opts.deadlineMs;
  let delay = opts.initialDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() + delay > deadline || opts.retryIf?.(error) === false) throw error;
      const jittered = Math.round(delay * (0.5 + Math.random() / 2));
      opts.onRetry?.(error, attempt, jittered);
      await new Promise((resolve) => setTimeout(resolve, jittered));
      delay = Math.min(delay * 2, opts.maxDelayMs ?? 5_000);
    }
  }
}
