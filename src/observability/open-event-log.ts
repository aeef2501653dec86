import type { BotEventLog } from './turn-events.ts';
import { MemoryEventLog } from './turn-events.ts';

/** The event log lives wherever the conversations do: Redis when REDIS_URL is set, else sqlite under DATA_DIR. */
export async function openEventLog(options: { kind: 'memory' | 'sqlite'; dataDir: string; redisUrl?: string | undefined }): Promise<BotEventLog> {
  if (options.kind === 'memory') return new MemoryEventLog();
  if (options.redisUrl) {
    const { RedisEventLog } = await import('./redis-event-log.ts');
    return new RedisEventLog(options.redisUrl);
  }
  const { SqliteEventLog } = await import('./sqlite-event-log.ts');
  return new SqliteEventLog(options.dataDir);
}
