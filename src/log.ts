import { settingFromEnv } from './config.ts';
import { pino, destination, type DestinationStream, type Logger } from 'pino';
import { currentTurnScope } from './observability/turn-scope.ts';
import { redactSecrets } from './safety/redact-secrets.ts';

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

function redactStrings(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value).text;
  if (Array.isArray(value)) return value.map(redactStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v)]));
  return value;
}

/**
 * The last look at every log line: field names above catch known places, but user text can reach
 * a log inside anything (an error echoing a request body, a library's debug line), so every
 * string in the line also goes through the secret redaction.
 */
export function redactLogLine(line: string): string {
  try {
    return `${JSON.stringify(redactStrings(JSON.parse(line)))}\n`;
  } catch {
    return redactSecrets(line).text;
  }
}

export function createLogger(level: string = settingFromEnv('LOG_LEVEL'), to: DestinationStream = destination(2)): Logger {
  // Logs go to stderr so the terminal door's stdout stays clean JSON for scripts.
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, mixin: turnFields, hooks: { streamWrite: redactLogLine } }, to);
}

export type { Logger };
