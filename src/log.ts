import { pino, destination, type Logger } from 'pino';
import { currentTurnScope } from './observability/turn-scope.ts';

/** Field names that must never reach a log line, wherever they appear. */
const REDACTED_PATHS = [
  'token', '*.token', 'password', '*.password', 'authorization', '*.authorization',
  'headers.authorization', 'config.DISCORD_TOKEN', 'config.SLACK_BOT_TOKEN',
  'config.SLACK_SIGNING_SECRET', 'config.SLACK_APP_TOKEN', 'config.REDIS_URL',
];

/** Lines written inside a turn carry its conversation key and turn id, so one turn can be followed across files. */
export function turnFields(): object {
  return currentTurnScope() ?? {};
}

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  // Logs go to stderr so the terminal door's stdout stays clean JSON for scripts.
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, mixin: turnFields }, destination(2));
}

export type { Logger };
