import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Platform } from '../conversation/seam.ts';
import type { Logger } from '../log.ts';
import { conversationRecordSchema, type ConversationRecord, type ConversationRecordInput } from './conversation-record.ts';
import type { ConversationStore } from './conversation-store.ts';
import { feedbackEventSchema, type FeedbackCounts, type FeedbackEvent } from './feedback.ts';
import { KeyedMutex } from '../concurrency/keyed-mutex.ts';
import { releaseOwnedKey, renewOwnedKey, takeOwnedKey } from './redis-owned-key.ts';
import { storeCall } from './store-unavailable.ts';
import { holdingLock, TURN_LOCK_TTL_MS } from './turn-lock.ts';

/** Conversations are kept this long after their last write, like the engine's 7-day hand-off retention. */
export const REDIS_RETENTION_MS = 7 * 24 * 60 * 60_000;

export type RedisStoreOptions = {
  client: Redis;
  logger: Logger;
  /** Namespace for every key, so several bots (or tests) can share one Redis. */
  keyPrefix?: string;
};

/**
 * Shared store for several processes (REDIS_URL). One JSON value per conversation with a
 * 7-day expiry, a sorted set per user for hand-offs (latestForUser), one by age for purges,
 * and a lock key per conversation held while a turn runs. Every call fails within about a
 * second when Redis is away (StoreUnavailableError); nothing is cached here, so nothing a
 * process believes can disagree with what another wrote.
 */
export class RedisConversationStore implements ConversationStore {
  readonly #redis: Redis;
  readonly #logger: Logger;
  readonly #prefix: string;
  readonly #mutex = new KeyedMutex();

  constructor(options: RedisStoreOptions) {
    this.#redis = options.client;
    this.#logger = options.logger;
    this.#prefix = options.keyPrefix ?? 'cfbot:';
  }

  withTurnLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const lockKey = `${this.#prefix}lock:${key}`;
    return this.#mutex.runExclusive(key, () => {
      const token = randomUUID();
      return holdingLock(
        key,
        {
          tryAcquire: () => storeCall('lock', () => takeOwnedKey(this.#redis, lockKey, token, TURN_LOCK_TTL_MS)),
          renew: async () => void (await renewOwnedKey(this.#redis, lockKey, token, TURN_LOCK_TTL_MS)),
          release: () => releaseOwnedKey(this.#redis, lockKey, token),
        },
        fn,
      );
    });
  }

  async get(key: string): Promise<ConversationRecord | undefined> {
    const raw = await storeCall('get', () => this.#redis.get(this.#conversationKey(key)));
    return raw === null ? undefined : this.#parse(key, raw);
  }

  async put(input: ConversationRecordInput): Promise<void> {
    const record = conversationRecordSchema.parse(input);
    const updatedMs = Date.parse(record.updatedAt);
    await storeCall('put', () =>
      this.#redis
        .multi()
        .set(this.#conversationKey(record.key), JSON.stringify(record), 'PX', REDIS_RETENTION_MS)
        .zadd(this.#userIndex(record.platform, record.user), updatedMs, record.key)
        .pexpire(this.#userIndex(record.platform, record.user), REDIS_RETENTION_MS)
        .zadd(this.#ageIndex(), updatedMs, record.key)
        .exec()
        .then(failOnQueuedError),
    );
  }

  async delete(key: string): Promise<void> {
    await storeCall('delete', () => this.#redis.multi().del(this.#conversationKey(key)).zrem(this.#ageIndex(), key).exec().then(failOnQueuedError));
  }

  async latestForUser(platform: Platform, user: string): Promise<ConversationRecord | undefined> {
    const index = this.#userIndex(platform, user);
    const keys = await storeCall('latestForUser', () => this.#redis.zrevrange(index, 0, -1));
    // Newest first; an entry whose conversation expired, was purged or moved to another user is skipped (and tidied).
    for (const key of keys) {
      const record = await this.get(key);
      if (record && record.user === user && record.platform === platform) return record;
      if (!record || record.user !== user) await storeCall('latestForUser', () => this.#redis.zrem(index, key));
    }
    return undefined;
  }

  async recordFeedback(input: FeedbackEvent): Promise<void> {
    const event = feedbackEventSchema.parse(input);
    await storeCall('recordFeedback', () =>
      this.#redis
        .multi()
        .rpush(`${this.#prefix}feedback`, JSON.stringify(event))
        .hincrby(`${this.#prefix}feedback-counts`, event.helpful ? 'helpful' : 'notHelpful', 1)
        .exec()
        .then(failOnQueuedError),
    );
  }

  async feedbackCounts(): Promise<FeedbackCounts> {
    const [helpful, notHelpful] = await storeCall('feedbackCounts', () => this.#redis.hmget(`${this.#prefix}feedback-counts`, 'helpful', 'notHelpful'));
    return { helpful: Number(helpful ?? 0), notHelpful: Number(notHelpful ?? 0) };
  }

  async purgeExpired(olderThan: Date): Promise<number> {
    // Exclusive bound, like sqlite's `updated_ms < ?`.
    const keys = await storeCall('purge', () => this.#redis.zrangebyscore(this.#ageIndex(), '-inf', `(${olderThan.getTime()}`));
    let purged = 0;
    for (const key of keys) {
      const results = await storeCall('purge', () => this.#redis.multi().del(this.#conversationKey(key)).zrem(this.#ageIndex(), key).exec().then(failOnQueuedError));
      purged += Number(results[0]?.[1] ?? 0);
    }
    return purged;
  }

  async close(): Promise<void> {
    if (this.#redis.status === 'end') return;
    // quit() waits for Redis; when it is away, just drop the socket.
    await Promise.race([this.#redis.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500).unref())]);
    this.#redis.disconnect();
  }

  #conversationKey(key: string): string {
    return `${this.#prefix}conv:${key}`;
  }

  #userIndex(platform: Platform, user: string): string {
    return `${this.#prefix}user:${platform}:${user}`;
  }

  #ageIndex(): string {
    return `${this.#prefix}conv-by-age`;
  }

  /** A value that no longer parses is reported and treated as absent, as the sqlite store does. */
  #parse(key: string, raw: string): ConversationRecord | undefined {
    let candidate: unknown;
    try {
      candidate = JSON.parse(raw);
    } catch (error) {
      this.#logger.warn({ key, problem: (error as Error).message }, 'ignoring conversation with invalid JSON');
      return undefined;
    }
    const parsed = conversationRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      this.#logger.warn({ key, problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, 'ignoring conversation that fails validation');
      return undefined;
    }
    return parsed.data;
  }
}

type ExecResult = [error: Error | null, result: unknown][] | null;

/** MULTI reports a failed command inside its results rather than by rejecting. */
function failOnQueuedError(results: ExecResult): [Error | null, unknown][] {
  if (results === null) throw new Error('transaction aborted');
  const failed = results.find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
  return results;
}
