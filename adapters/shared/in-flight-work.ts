/**
 * Work a door has taken on and not finished (Slack: acked, answer pending; Discord: deferred).
 * stop() waits for it so a shutdown does not drop half-sent answers, and tests
 * use it to know that nothing more is coming.
 */
export class InFlightWork {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  async settled(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.allSettled([...this.running]), new Promise((resolve) => setTimeout(resolve, deadline - Date.now()).unref())]);
    }
  }
}
