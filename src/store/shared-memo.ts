import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { BoundedMemory } from './bounded-memory.ts';

/**
 * Short-lived facts every process of one bot must agree on: "this Slack event / Discord
 * interaction was already taken", "this user was already told about the rate limit in this
 * window", "this is the answer behind that Post to channel button". Values are strings (JSON).
 */
export interface SharedMemo {
  /** True for exactly one caller per key within ttlMs, whichever process asks first. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  remember(key: string, value: string, ttlMs: number): Promise<void>;
  recall(key: string): Promise<string | undefined>;
}

/** Keys for a busy workspace at an hour's TTL; the oldest go first beyond this. */
const LOCAL_MAX_ENTRIES = 20_000;
const LOCAL_DEFAULT_TTL_MS = 60 * 60_000;

/** One process: one bounded memory, each entry with its own TTL. */
export class LocalMemo implements SharedMemo {
  readonly #memory = new BoundedMemory<string>(LOCAL_MAX_ENTRIES, LOCAL_DEFAULT_TTL_MS);

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    if (this.#memory.get(key) !== undefined) return false;
    this.#memory.set(key, '1', ttlMs);
    return true;
  }

  async remember(key: string, value: string, ttlMs: number): Promise<void> {
    this.#memory.set(key, value, ttlMs);
  }

  async recall(key: string): Promise<string | undefined> {
    return this.#memory.get(key);
  }
}

/**
 * Every process sharing a Redis. When Redis is away it falls back to this process's memory and
 * says so once per outage: a duplicate across processes during an outage is better than a lost
 * answer, and the turn itself will report the outage anyway.
 */
export class RedisMemo implements SharedMemo {
  readonly #local = new LocalMemo();
  #degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly prefix = 'cfbot:',
  ) {}

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.#orLocal(async () => (await this.redis.set(this.prefix + key, '1', 'PX', ttlMs, 'NX')) === 'OK', () => this.#local.claimOnce(key, ttlMs));
  }

  async remember(key: string, value: string, ttlMs: number): Promise<void> {
    // Kept locally too, so an answer remembered during an outage can still be re-posted by this process.
    await this.#local.remember(key, value, ttlMs);
    await this.#orLocal(async () => void (await this.redis.set(this.prefix + key, value, 'PX', ttlMs)), async () => undefined);
  }

  async recall(key: string): Promise<string | undefined> {
    return this.#orLocal(async () => (await this.redis.get(this.prefix + key)) ?? this.#local.recall(key), () => this.#local.recall(key));
  }

  async #orLocal<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    try {
      const result = await shared();
      this.#degraded = false;
      return result;
    } catch (error) {
      if (!this.#degraded) this.logger.error({ err: (error as Error).message }, 'Redis unavailable: de-duplication and shared caches fall back to this process');
      this.#degraded = true;
      return local();
    }
  }
}
