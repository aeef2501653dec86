import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
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

/**
 * Strict on/off: true/1/yes/on/y/enabled or false/0/no/off/n/disabled (any case); empty or unset = off.
 * Anything else ("maybe", "ture") stops start-up instead of silently meaning "off".
 */
const booleanFlag = optionalString.pipe(z.stringbool().optional()).transform((v) => v ?? false);

export const DOOR_NAMES = ['discord', 'slack'] as const;
export type DoorName = (typeof DOOR_NAMES)[number];

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

  /** Which doors this process runs (comma-separated: discord, slack); unset = every door whose credentials are set. */
  DOORS: optionalString.pipe(
    z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.enum(DOOR_NAMES, { message: `DOORS lists doors by name: ${DOOR_NAMES.join(', ')}` })))
      .optional(),
  ),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the HTTP server (health, metrics, Slack events) binds; all interfaces by default. */
  HOST: optionalString,
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optionalString,
  /** https://no-color.org: any non-empty value turns terminal colours off. */
  NO_COLOR: optionalString,
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
  /** Slack turns run on a worker thread beside the door's event loop (adapters/engine-thread/); false keeps them on it. */
  ENGINE_THREAD: optionalString.pipe(z.stringbool().optional()).transform((v) => v ?? true),
  /** Reload knowledge when a file under KNOWLEDGE_DIR changes (SIGHUP always reloads). */
  KNOWLEDGE_WATCH: optionalString.pipe(z.stringbool().optional()).transform((v) => v ?? true),
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

/**
 * One setting through the same schema, for code that runs before (or without) the whole
 * configuration: the logger's level, the knowledge folder of the `kb-*` commands.
 */
export function settingFromEnv<K extends keyof Config>(name: K, env: NodeJS.ProcessEnv = process.env): Config[K] {
  const parsed = configSchema.shape[name].safeParse(env[name]);
  if (!parsed.success) throw new ConfigError(`Invalid environment configuration:\n  ${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data as Config[K];
}

/**
 * Loads `file` (default `.env` in the working directory) into `env` if it exists.
 * Variables already set in the environment win over the file, as with `node --env-file`.
 * Returns the names taken from the file.
 */
export function loadDotEnv(file = '.env', env: NodeJS.ProcessEnv = process.env): string[] {
  if (!existsSync(file)) return [];
  const fromFile = parseEnv(readFileSync(file, 'utf8'));
  const taken: string[] = [];
  for (const [name, value] of Object.entries(fromFile)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    taken.push(name);
  }
  return taken;
}

/** Each door's credentials: all of `needs`, plus one of `oneOf` when given. */
const DOOR_CREDENTIALS: Record<DoorName, { needs: (keyof Config)[]; oneOf?: (keyof Config)[] }> = {
  discord: { needs: ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] },
  slack: { needs: ['SLACK_BOT_TOKEN'], oneOf: ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] },
};

/**
 * The doors this process runs. A door with some but not all of its credentials, or one named in
 * DOORS without them, stops start-up naming what is missing: half a configuration is a mistake,
 * not a reason to fall back quietly to the terminal chat.
 */
export function enabledDoors(config: Config): DoorName[] {
  const problems: string[] = [];
  const doors: DoorName[] = [];
  for (const door of DOOR_NAMES) {
    const { needs, oneOf = [] } = DOOR_CREDENTIALS[door];
    const present = [...needs, ...oneOf].filter((name) => config[name] !== undefined);
    const wanted = config.DOORS ? config.DOORS.includes(door) : present.length > 0;
    if (!wanted) continue;
    const missing = needs.filter((name) => config[name] === undefined);
    if (oneOf.length && !oneOf.some((name) => config[name] !== undefined)) missing.push(oneOf.join(' or ') as keyof Config);
    if (missing.length) problems.push(`  the ${door} door needs ${missing.join(' and ')} (set: ${present.join(', ') || 'nothing'}${config.DOORS ? '; DOORS names it' : ''})`);
    else doors.push(door);
  }
  if (problems.length) throw new ConfigError(`Incomplete door configuration:\n${problems.join('\n')}\nSet the missing variables (see .env.example), or unset the others.`);
  return doors;
}
