import type { Redis } from 'ioredis';
import { createLogger, type Logger } from '../log.ts';
import type { ConversationStore } from './conversation-store.ts';
import { MemoryConversationStore } from './memory-store.ts';
import { connectRedis } from './redis-connection.ts';
import { RedisConversationStore } from './redis-store.ts';
import { LocalMemo, RedisMemo, type SharedMemo } from './shared-memo.ts';
import { SqliteConversationStore } from './sqlite-store.ts';

export type StoreKind = 'memory' | 'sqlite' | 'redis';

export type StoreOptions = {
  kind: StoreKind;
  /** Directory for `conversations.sqlite` (config.DATA_DIR); created if missing. Used by the sqlite store only. */
  dataDir: string;
  /** REDIS_URL; required for the redis store. */
  redisUrl?: string;
  /** Namespace for Redis keys (tests isolate themselves with it). */
  keyPrefix?: string;
  /** Receives warnings about unreadable rows; defaults to the app logger on stderr. */
  logger?: Logger;
};

/** What the engine and the doors of one process share: the conversation store, and the short-lived facts beside it. */
export type Backend = {
  store: ConversationStore;
  memo: SharedMemo;
  /** Set when the backend is Redis, for other Redis-backed parts (rate limits, the Discord gateway lease). */
  redis?: { client: Redis; keyPrefix: string };
};

/** Opens the backend; for redis, connects first and throws a start-up error naming REDIS_URL when it cannot. */
export async function openBackend(options: StoreOptions): Promise<Backend> {
  const logger = options.logger ?? createLogger();
  switch (options.kind) {
    case 'memory':
      return { store: new MemoryConversationStore(), memo: new LocalMemo() };
    case 'sqlite':
      return { store: new SqliteConversationStore(options.dataDir, logger), memo: new LocalMemo() };
    case 'redis': {
      if (!options.redisUrl) throw new Error('the redis store needs REDIS_URL');
      const client = await connectRedis(options.redisUrl, logger);
      const keyPrefix = options.keyPrefix ?? 'cfbot:';
      return { store: new RedisConversationStore({ client, logger, keyPrefix }), memo: new RedisMemo(client, logger, keyPrefix), redis: { client, keyPrefix } };
    }
  }
}

export async function openStore(options: StoreOptions): Promise<ConversationStore> {
  return (await openBackend(options)).store;
}
