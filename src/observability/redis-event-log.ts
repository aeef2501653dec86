import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseEvents } from './sqlite-event-log.ts';
import { botEventSchema, EVENT_RETENTION_MS, type BotEvent, type BotEventLog } from './turn-events.ts';

export const EVENTS_KEY = 'cfbot:events';
const PRUNE_EVERY = 500;

/**
 * Operator events in one Redis sorted set scored by time, shared by every process of a deployment
 * (REDIS_URL). Members carry a random suffix so two identical events stay two.
 */
export class RedisEventLog implements BotEventLog {
  readonly #redis: Redis;
  #appended = 0;

  constructor(url: string, options: { key?: string; onError?: (error: Error) => void } = {}) {
    this.#redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    // ioredis reconnects by itself; without a listener each failed attempt is printed as "unhandled".
    this.#redis.on('error', options.onError ?? (() => {}));
    this.key = options.key ?? EVENTS_KEY;
  }

  readonly key: string;

  async append(event: BotEvent): Promise<void> {
    const valid = botEventSchema.parse(event);
    const atMs = Date.parse(valid.at);
    await this.#redis.zadd(this.key, atMs, `${randomUUID()} ${JSON.stringify(valid)}`);
    if (++this.#appended % PRUNE_EVERY === 1) await this.#redis.zremrangebyscore(this.key, '-inf', atMs - EVENT_RETENTION_MS);
  }

  async since(since: Date): Promise<BotEvent[]> {
    const members = await this.#redis.zrangebyscore(this.key, since.getTime(), '+inf');
    return parseEvents(members.map((m) => m.slice(m.indexOf(' ') + 1)));
  }

  async close(): Promise<void> {
    if (this.#redis.status !== 'end') await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
