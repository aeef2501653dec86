/**
 * The Slack door's answers run here, after the ack. At most `concurrency` turns run at once and
 * at most `capacity` wait; each starts from setImmediate, so pending HTTP requests (and their
 * acks) are handled between turns instead of queuing behind a burst of engine work. A full
 * queue refuses the job and the caller sheds it visibly.
 */
export class WorkQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly capacity: number,
  ) {}

  /** The job's completion, or undefined when the queue is full and the job was not taken. */
  offer(job: () => Promise<void>): Promise<void> | undefined {
    if (this.#running >= this.concurrency && this.#waiting.length >= this.capacity) return undefined;
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

  #startNext(): void {
    if (this.#running >= this.concurrency) return;
    const next = this.#waiting.shift();
    if (!next) return;
    // Counted as running from now, so two quick offers cannot both start past the limit.
    this.#running += 1;
    setImmediate(next);
  }
}
