import { z } from 'zod';

/** Comma-separated ids -> string[]; empty or unset -> []. */
const idList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const booleanFlag = z
  .string()
  .optional()
  .transform((v) => v === '1' || v?.toLowerCase() === 'true' || v?.toLowerCase() === 'yes');

/** One schema for every environment variable; .env.example documents each one. */
export const configSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_API_URL: optionalString.pipe(z.string().url().optional()),
  DISCORD_GUILD_ID: optionalString,
  DISCORD_HELP_CHANNEL_IDS: idList,
  DISCORD_HELP_FORUM_IDS: idList,
  DISCORD_MODERATOR_ROLE_ID: optionalString,
  DISCORD_MODERATOR_CHANNEL_ID: optionalString,
  DISCORD_ANSWER_MENTIONS: booleanFlag,

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString.pipe(z.string().url().optional()),
  SLACK_ESCALATION_CHANNEL: optionalString,
  SLACK_ALLOWED_CHANNELS: idList,

  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optionalString,
  /** Processes `npm start` runs on this machine (node:cluster); more than 1 needs REDIS_URL. */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Turns per minute one person may take; past it, one notice, then silence until the minute ends. */
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Turns per minute one channel may take, whoever sends them. */
  RATE_LIMIT_CHANNEL_PER_MINUTE: z.coerce.number().int().positive().default(120),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SUPPORT_CASE_URL: z.string().url().default('https://dash.cloudflare.com/?to=/:account/support'),
  CONVERSATION_TTL_MINUTES: z.coerce.number().positive().default(30),
  KNOWLEDGE_DIR: z.string().default('./knowledge'),
  /** Statuspage base URL (https://www.cloudflarestatus.com) for live status in answers; unset = no outbound call. */
  STATUS_PAGE_URL: optionalString.pipe(z.string().url().optional()),
  /** Offer a "check this URL from here" button when someone pastes a URL; off unless set. */
  URL_CHECKS: booleanFlag,
});
export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid environment configuration:\n${problems}`);
  }
  return parsed.data;
}
