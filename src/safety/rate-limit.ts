import { z } from 'zod';

export const rateLimitOptionsSchema = z.object({
  /** Turns allowed per window; also the burst a quiet user may spend at once. */
  limit: z.number().int().positive().default(10),
  windowMs: z.number().int().positive().default(60_000),
  /** Hard cap on tracked keys, so a flood of new user ids cannot grow memory without bound. */
  maxKeys: z.number().int().positive().default(10_000),
});
export type RateLimitOptions = z.input<typeof rateLimitOptionsSchema> & {
  /** Milliseconds clock; injectable so tests move time instead of sleeping. */
  now?: () => number;
};

export type RateLimitDecision = {
  allowed: boolean;
  /** 0 when allowed; otherwise how long until one more turn would be allowed. */
  retryAfterMs: number;
};

type Bucket = { tokens: number; updatedAt: number };

/**
 * Per-key token bucket (key: usually `${platform}:${user}`). Tokens refill continuously at
 * limit/windowMs, so a user who hit the limit gets a turn back every windowMs/limit instead of
 * waiting for a whole window to reset.
 */
export class TokenBucketRateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #refillPerMs: number;
  readonly #now: () => number;
  /** Insertion order is last-use order: every take() moves its key to the end. */
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions = {}) {
    const { limit, windowMs, maxKeys } = rateLimitOptionsSchema.parse(options);
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#maxKeys = maxKeys;
    this.#refillPerMs = limit / windowMs;
    this.#now = options.now ?? Date.now;
  }

  take(key: string): RateLimitDecision {
    const now = this.#now();
    const bucket = this.#current(key, now);
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    this.#evict(now);

    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterMs: 0 };
    }
    // The epsilon absorbs float noise (a third of a token is 0.333…) so 4000 ms is not reported as 4001.
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.#refillPerMs - 1e-6) };
  }

  /** Keys currently tracked; for tests and metrics. */
  get trackedKeys(): number {
    return this.#buckets.size;
  }

  #current(key: string, now: number): Bucket {
    const bucket = this.#buckets.get(key);
    if (bucket === undefined) return { tokens: this.#limit, updatedAt: now };
    // A clock that steps backwards (NTP) must not drain or overfill the bucket.
    const elapsed = Math.max(0, now - bucket.updatedAt);
    return { tokens: Math.min(this.#limit, bucket.tokens + elapsed * this.#refillPerMs), updatedAt: now };
  }

  /**
   * A bucket untouched for a whole window is full again, so forgetting it changes nothing; those
   * sit at the front of the map, making this sweep cheap. Past maxKeys the least recently used go
   * too, which at worst hands a flooding key a fresh bucket: better than unbounded memory.
   */
  #evict(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const idle = now - bucket.updatedAt >= this.#windowMs;
      if (!idle && this.#buckets.size <= this.#maxKeys) break;
      this.#buckets.delete(key);
    }
  }
}
