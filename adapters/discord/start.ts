import { Events, type Client } from 'discord.js';
import type { Config } from '../../src/config.ts';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import type { Logger } from '../../src/log.ts';
import { LocalMemo, type SharedMemo } from '../../src/store/shared-memo.ts';
import { createDiscordClient, type RestTuning } from './client.ts';
import type { DoorContext } from './context.ts';
import { onThreadCreate } from './listeners/forum-posts.ts';
import { guarded } from './listeners/guarded.ts';
import { onInteraction } from './listeners/interactions.ts';
import { onMessage } from './listeners/mentions.ts';

export type StartDiscordOptions = {
  config: Config;
  engine: SupportEngine;
  logger: Logger;
  /** Shared de-duplication (openBackend); defaults to this process's memory. */
  memo?: SharedMemo;
  /** Tests turn retries and timeouts down; production keeps discord.js defaults. */
  rest?: RestTuning;
};

export type DiscordDoor = { client: Client; stop(): Promise<void> };

/** Connects the Discord door and resolves once the client is ready. */
export async function startDiscord({ config, engine, logger, rest, memo }: StartDiscordOptions): Promise<DiscordDoor> {
  const token = config.DISCORD_TOKEN;
  if (!token || !config.DISCORD_APPLICATION_ID) throw new Error('DISCORD_TOKEN and DISCORD_APPLICATION_ID are both required to start the Discord door');
  const log = logger.child({ door: 'discord' });
  const ctx: DoorContext = { config, engine, logger: log, memo: memo ?? new LocalMemo() };
  const client = createDiscordClient(config, rest);

  client.on(Events.InteractionCreate, guarded(log, 'interactionCreate', (interaction) => onInteraction(interaction, ctx)));
  if (config.DISCORD_ANSWER_MENTIONS) {
    client.on(Events.MessageCreate, guarded(log, 'messageCreate', (message) => onMessage(message, ctx)));
    client.on(Events.ThreadCreate, guarded(log, 'threadCreate', (thread, newlyCreated) => onThreadCreate(thread, newlyCreated, ctx)));
  }
  client.on(Events.Error, (error) => log.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardError, (error, shard) => log.error({ err: error, shard }, 'Discord gateway connection error'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'Discord gateway resumed'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'Discord gateway reconnecting'));
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter }, 'Discord rate limit; waiting'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'Discord door ready');
  return { client, stop: () => client.destroy() };
}
