import type { Logger } from '../log.ts';
import { MemoryEventLog, type BotEventLog } from './turn-events.ts';

/** The event log lives wherever the conversations do: Redis when REDIS_URL is set, else sqlite under DATA_DIR. */
export async function openEventLog(options: { kind: 'memory' | 'sqlite'; dataDir: string; redisUrl?: string | undefined; logger?: Logger }): Promise<BotEventLog> {
  if (options.kind === 'memory') return new MemoryEventLog();
  if (options.redisUrl) {
    const { RedisEventLog } = await import('./redis-event-log.ts');
    const { logger } = options;
    return new RedisEventLog(options.redisUrl, logger ? { onError: (error) => logger.warn({ err: error }, 'Redis (operator events) connection problem') } : {});
  }
  const { SqliteEventLog } = await import('./sqlite-event-log.ts');
  const { logger } = options;
  return new SqliteEventLog(options.dataDir, logger ? (message) => logger.error(`sqlite (operator events): ${message}`) : undefined);
}
