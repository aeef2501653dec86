import { Events, Status, type Client } from 'discord.js';
import type { StartDoorOptions } from '../shared/door-context.ts';
import { doorTexts } from '../shared/door-texts.ts';
import { InFlightWork } from '../shared/in-flight-work.ts';
import { LocalMemo } from '../../src/store/shared-memo.ts';
import { createDiscordClient, type RestTuning } from './client.ts';
import { inviteUrl } from './invite.ts';
import { tellPrivately } from './interaction-replies.ts';
import type { DoorContext } from './context.ts';
import { onThreadCreate } from './listeners/forum-posts.ts';
import { guarded } from './listeners/guarded.ts';
import { onInteraction } from './listeners/interactions.ts';
import { onMessage } from './listeners/mentions.ts';

export type StartDiscordOptions = StartDoorOptions & {
  /** Tests turn retries and timeouts down; production keeps discord.js defaults. */
  rest?: RestTuning;
};

export type DiscordDoor = {
  client: Client;
  /** Resolves once every event taken so far has been answered. */
  idle(): Promise<void>;
  /** Stops taking events, lets deferred interactions get their answer (at most `drainMs`, default 10 s), then disconnects. */
  stop(drainMs?: number): Promise<void>;
};

const RESTARTING = doorTexts.restarting;

/** Connects the Discord door and resolves once the client is ready. */
export async function startDiscord({ config, engine, logger, rest, server, metrics, memo }: StartDiscordOptions): Promise<DiscordDoor> {
  const token = config.DISCORD_TOKEN;
  if (!token || !config.DISCORD_APPLICATION_ID) throw new Error('DISCORD_TOKEN and DISCORD_APPLICATION_ID are both required to start the Discord door');
  const log = logger.child({ door: 'discord' });
  const ctx: DoorContext = { config, engine, logger: log, memo: memo ?? new LocalMemo() };
  const client = createDiscordClient(config, rest);
  const inFlight = new InFlightWork();
  let accepting = true;

  client.on(Events.InteractionCreate, guarded(log, 'interactionCreate', async (interaction) => {
    if (accepting) return inFlight.track(onInteraction(interaction, ctx));
    // Shutting down: a quick private word beats Discord's "interaction failed".
    if (interaction.isRepliable()) await tellPrivately(interaction, RESTARTING).catch(() => undefined);
  }));
  if (config.DISCORD_ANSWER_MENTIONS) {
    client.on(Events.MessageCreate, guarded(log, 'messageCreate', async (message) => void (accepting && (await inFlight.track(onMessage(message, ctx))))));
    client.on(Events.ThreadCreate, guarded(log, 'threadCreate', async (thread, newlyCreated) => void (accepting && (await inFlight.track(onThreadCreate(thread, newlyCreated, ctx))))));
  }
  client.on(Events.Error, (error) => log.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardError, (error, shard) => log.error({ err: error, shard }, 'Discord gateway connection error'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'Discord gateway resumed'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'Discord gateway reconnecting'));
  client.rest.on('rateLimited', (info) => {
    metrics?.rateLimitWaits.inc({ door: 'discord' });
    metrics?.rateLimitWaitSeconds.inc({ door: 'discord' }, info.retryAfter / 1000);
    log.warn({ route: info.route, retryAfter: info.retryAfter }, 'Discord rate limit; waiting');
  });
  if (metrics) client.rest.on('response', (_request, response) => void (response.status >= 400 && response.status !== 429 && metrics.apiErrors.inc({ door: 'discord' })));
  server?.addCheck('discord', () => client.isReady() && client.ws.status === Status.Ready ? true : `Discord gateway not connected (status ${client.ws.status})`);

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, invite: inviteUrl(config.DISCORD_APPLICATION_ID) }, 'Discord door ready');
  return {
    client,
    idle: () => inFlight.settled(),
    async stop(drainMs = 10_000) {
      accepting = false;
      await inFlight.settled(drainMs);
      await client.destroy();
    },
  };
}
