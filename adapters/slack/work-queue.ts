import { performance } from 'node:perf_hooks';

/**
 * The Slack door's answers run here, after the ack. At most `concurrency` turns run at once and
 * at most `backlog` wait; each starts from setImmediate, so pending HTTP requests (and their
 * acks) are handled between turns instead of queuing behind a burst of engine work.
 *
 * A job is refused (and the caller sheds it visibly) when the backlog is full, or when the event
 * loop was busier than `maxLoopBusy` over the last sample with work already waiting: accepting
 * more than the process can answer only makes every ack wait behind it.
 */
export class WorkQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  #loopBusy = 0;
  readonly #sampler: NodeJS.Timeout;

  /** `sampleMs`: how long a window the loop's busy share is measured over for admission. */
  constructor(
    private readonly concurrency: number,
    private readonly backlog: number,
    sampleMs = 100,
    private readonly maxLoopBusy = 0.9,
  ) {
    let previous = performance.eventLoopUtilization();
    this.#sampler = setInterval(() => {
      const now = performance.eventLoopUtilization();
      this.#loopBusy = performance.eventLoopUtilization(now, previous).utilization;
      previous = now;
    }, sampleMs);
    this.#sampler.unref();
  }

  /** The job's completion, or undefined when the queue refused it. */
  offer(job: () => Promise<void>): Promise<void> | undefined {
    const saturated = this.#running >= this.concurrency;
    if (saturated && (this.#waiting.length >= this.backlog || (this.#waiting.length > 0 && this.#loopBusy > this.maxLoopBusy))) return undefined;
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push(() => {
        job()
          .then(resolve, reject)
          .finally(() => {
            this.#running -= 1;
            this.#startNext();
          });
      });
      this.#startNext();
    });
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  stop(): void {
    clearInterval(this.#sampler);
  }

  #startNext(): void {
    if (this.#running >= this.concurrency) return;
    const next = this.#waiting.shift();
    if (!next) return;
    // Counted as running from now, so two quick offers cannot both start past the limit.
    this.#running += 1;
    setImmediate(next);
  }
}
