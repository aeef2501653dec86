import { Client, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import type { Config } from '../../src/config.ts';

export type RestTuning = Partial<Pick<RESTOptions, 'retries' | 'timeout'>>;

/** Intents kept to what the door uses; message content only when answering messages is switched on. */
export function discordIntents(config: Config): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  return config.DISCORD_ANSWER_MENTIONS ? [...intents, GatewayIntentBits.MessageContent] : intents;
}

export function createDiscordClient(config: Config, rest: RestTuning = {}): Client {
  return new Client({
    intents: discordIntents(config),
    // DM channels are never cached up front; without this partial, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { ...rest, ...(config.DISCORD_API_URL && { api: config.DISCORD_API_URL }) },
  });
}
