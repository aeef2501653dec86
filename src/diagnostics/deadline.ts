/**
 * One time budget for a whole check (DNS, connect, response, trace), so a
 * user waits at most `timeoutMs` however the time is spent.
 */

export type Deadline = {
  signal: AbortSignal;
  /** Rejects with the deadline's reason if it passes before `promise` settles. */
  race<T>(promise: Promise<T>): Promise<T>;
  clear(): void;
};

export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

export function startDeadline(timeoutMs: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceededError(timeoutMs)), timeoutMs);
  const { signal } = controller;
  return {
    signal,
    race<T>(promise: Promise<T>): Promise<T> {
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    clear: () => clearTimeout(timer),
  };
}
