/**
 * Serializes work per key: two turns for one conversation (a double-click, a retried Slack event)
 * run one after another, so the second sees the state the first wrote. Different keys never wait
 * on each other. A key's entry is removed as soon as its last holder finishes, so the map only
 * holds conversations with a turn in flight.
 */
export class KeyedMutex {
  /** Per key, a promise that settles when the most recently queued holder releases. */
  readonly #tails = new Map<string, Promise<void>>();

  async runExclusive<T>(key: string, fn: () => Promise<T> | T): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Tails only ever resolve, so a failing holder cannot poison the queue behind it.
    const tail = previous.then(() => released);
    this.#tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** How many keys have a holder running or queued; for tests and metrics. */
  get activeKeys(): number {
    return this.#tails.size;
  }
}
