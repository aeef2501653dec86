import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../log.ts';

/**
 * Every Redis call must fail fast rather than hang a turn: no offline queue (a command while
 * disconnected fails at once), half a second per command, no per-command retries. The connection
 * itself reconnects forever in the background, so the bot recovers when Redis comes back.
 */
// A turn makes at most two Redis round trips before it can tell the user (rate limit, lock), so a
// Redis that hangs costs at most about a second, inside the 2 s budget.
export const REDIS_TIMEOUTS = { connectTimeoutMs: 1_000, commandTimeoutMs: 500, reconnectMaxDelayMs: 1_000 } as const;

export class RedisStartupError extends Error {}

/** redis://user:secret@host:6379/0 -> redis://host:6379/0: the URL may carry a password, logs and errors never do. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

function redisOptions(logger: Logger, where: string): RedisOptions {
  return {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: REDIS_TIMEOUTS.connectTimeoutMs,
    commandTimeout: REDIS_TIMEOUTS.commandTimeoutMs,
    retryStrategy: (attempt) => {
      // One error line per outage, not one per reconnect attempt.
      if (attempt === 1) {
        logger.error({ redis: where }, 'lost the connection to Redis; turns get "try again in a minute" until it is back');
      }
      return Math.min(attempt * 100, REDIS_TIMEOUTS.reconnectMaxDelayMs);
    },
    reconnectOnError: () => false,
    // Commands issued in the same tick (a turn's lock, state and rate-limit calls, and other turns'
    // at the same moment) go out in one socket write: under load the write syscalls were the cost.
    enableAutoPipelining: true,
  };
}

/**
 * Connects and checks with PING, or throws a RedisStartupError saying what to fix: start-up must
 * fail loudly rather than run with a store that is not there.
 */
export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const where = describeRedisUrl(url);
  let client: Redis;
  try {
    client = new Redis(url, redisOptions(logger, where));
  } catch (error) {
    throw new RedisStartupError(`REDIS_URL is not a usable Redis URL (${(error as Error).message}). Use redis://host:6379 or unset REDIS_URL for the sqlite store.`);
  }
  let wasDown = false;
  client.on('error', (error: Error) => logger.debug({ redis: where, err: error.message }, 'redis connection error'));
  client.on('close', () => (wasDown = true));
  client.on('ready', () => {
    if (wasDown) logger.warn({ redis: where }, 'Redis is reachable again');
    wasDown = false;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new RedisStartupError(
      `Cannot reach Redis at ${where} (REDIS_URL): ${(error as Error).message}. Start Redis there, fix REDIS_URL, or unset it to use the sqlite store.`,
    );
  }
  return client;
}
