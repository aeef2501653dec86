import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

/** How the Web API announces a 429 wait; each request gets its own client, and the logger is the one thing they share. */
const RATE_LIMITED = /rate limiting\. Will retry in (\d+(?:\.\d+)?) seconds/;

/** Bolt logs through its own interface; route it into our pino logger so one LOG_LEVEL and one redaction list apply. */
export function boltLoggerFrom(logger: Logger, hooks: { onRateLimited?: (seconds: number) => void } = {}): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => log.debug(line(parts)),
    info: (...parts: unknown[]) => {
      const text = line(parts);
      const limited = RATE_LIMITED.exec(text);
      if (limited) hooks.onRateLimited?.(Number(limited[1]));
      log.info(text);
    },
    warn: (...parts: unknown[]) => log.warn(line(parts)),
    error: (...parts: unknown[]) => log.error(line(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
