interface Waiting<I, O> {
  input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

export interface BatcherOptions {
  /** Batches running at once; a call finding them all busy waits for the next one. */
  maxInFlight: number;
  maxBatch: number;
}

/**
 * Coalesces concurrent calls into batches, for work whose cost is mostly per round trip. Idle, a
 * call goes after one turn of the event loop with whatever arrived in that turn; busy, calls wait
 * for a running batch to finish and then go together, so batches grow with the load instead of the
 * round trips. `run` returns one output per input, in order; when it fails, its calls fail.
 */
export class Batcher<I, O> {
  private queue: Waiting<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions,
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.start();
      });
    });
  }

  private start(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      this.inFlight++;
      void this.runBatch(this.queue.splice(0, this.options.maxBatch));
    }
  }

  private async runBatch(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((w) => w.input));
      if (outputs.length !== batch.length)
        throw new Error(`a batch of ${batch.length} returned ${outputs.length} outputs`);
      batch.forEach((w, i) => w.resolve(outputs[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      this.inFlight--;
      // Whatever queued meanwhile has waited already: it goes now, together.
      this.start();
    }
  }
}
