/**
 * Makes one conversation's turns run one at a time: the second turn sees the state the first
 * wrote. How far "one at a time" reaches depends on the backend: one process (memory), every
 * process on one sqlite file, or every process sharing a Redis.
 */
export interface TurnLock {
  withTurnLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** How long a holder may keep a cross-process lock without renewing it; a crashed holder frees it after this. */
export const TURN_LOCK_TTL_MS = 10_000;
/** A live holder renews its lock this often, so a slow turn (a URL check) never loses it. */
export const TURN_LOCK_RENEW_MS = 3_000;
/** A turn waits at most this long for another process to finish the same conversation's turn. */
export const TURN_LOCK_WAIT_MS = 15_000;

export class TurnLockTimeoutError extends Error {
  constructor(key: string) {
    super(`waited ${TURN_LOCK_WAIT_MS} ms for the turn lock on ${key}`);
    this.name = 'TurnLockTimeoutError';
  }
}

/**
 * Polls `tryAcquire` with a growing pause until it succeeds or the wait runs out, then runs `fn`
 * with the lock renewed in the background, and releases it whatever `fn` does.
 */
export async function holdingLock<T>(
  key: string,
  lock: { tryAcquire(): Promise<boolean>; renew(): Promise<void>; release(): Promise<void> },
  fn: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + TURN_LOCK_WAIT_MS;
  let pauseMs = 2;
  while (!(await acquireOrUndo(lock))) {
    if (Date.now() + pauseMs > deadline) throw new TurnLockTimeoutError(key);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    pauseMs = Math.min(pauseMs * 2, 50);
  }
  // A failed renewal is only logged by the next acquire's wait: the TTL is the safety net.
  const renewal = setInterval(() => void lock.renew().catch(() => undefined), TURN_LOCK_RENEW_MS);
  renewal.unref();
  try {
    return await fn();
  } finally {
    clearInterval(renewal);
    // The store may be gone (an outage); the lock then expires by itself after TURN_LOCK_TTL_MS.
    await lock.release().catch(() => undefined);
  }
}

/**
 * A lock request that timed out may still reach the store and take the lock (a Redis that hung,
 * then woke up); asking to release it right behind it keeps the conversation from staying locked
 * for a whole TTL after the store comes back.
 */
async function acquireOrUndo(lock: { tryAcquire(): Promise<boolean>; release(): Promise<void> }): Promise<boolean> {
  try {
    return await lock.tryAcquire();
  } catch (error) {
    // Not awaited: the request queues behind the lock request on the same connection, and the user should not wait for it.
    void lock.release().catch(() => undefined);
    throw error;
  }
}
