import { ChannelType } from 'discord.js';
import { FakeGateway } from './gateway.ts';
import { snowflake } from './ids.ts';
import {
  autocompleteJson,
  buttonClickJson,
  guildMessageJson,
  messageCommandJson,
  messageJson,
  slashCommandJson,
  threadJson,
  userJson,
  type Json,
  type OptionValue,
  type Place,
} from './payloads.ts';
import { dmChannelId, FakeRestServer, type RecordedRequest } from './rest-server.ts';
import { world, type FakeChannel, type FakeUser } from './world.ts';

/** A message the bot sent for an interaction, whichever way it travelled. */
export type BotMessage = { via: 'callback' | 'edit' | 'followUp'; body: Json; request: RecordedRequest };

export type SentInteraction = { id: string; token: string; json: Json };

/**
 * A local Discord: REST + gateway on 127.0.0.1, with helpers that read like
 * what a user does ("alice runs /ask") and what she then sees.
 */
export class FakeDiscord {
  readonly rest = new FakeRestServer();
  readonly gateway = new FakeGateway();
  readonly world = world;
  apiUrl = '';

  async start(): Promise<this> {
    this.rest.gatewayUrl = await this.gateway.start();
    this.apiUrl = await this.rest.start();
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all([this.gateway.stop(), this.rest.stop()]);
  }

  runsSlashCommand(user: FakeUser, name: string, options: Record<string, OptionValue> = {}, where: Place = inChannel(world.channels.general), extraPermissions = 0n): SentInteraction {
    return this.sendInteraction(slashCommandJson(user, name, options, where, extraPermissions));
  }

  typesInAutocomplete(user: FakeUser, command: string, option: string, typed: string): SentInteraction {
    return this.sendInteraction(autocompleteJson(user, command, option, typed, inChannel(world.channels.general)));
  }

  clicksButton(user: FakeUser, customId: string, onMessage: Json = messageJson(world.users.bot, world.channels.general.id, ''), where: Place = inChannel(world.channels.general)): SentInteraction {
    return this.sendInteraction(buttonClickJson(user, customId, onMessage, where));
  }

  usesMessageCommand(user: FakeUser, name: string, target: Json, where: Place = inChannel(world.channels.general)): SentInteraction {
    return this.sendInteraction(messageCommandJson(user, name, target, where));
  }

  /** A user posts in a guild channel; returns the message as Discord stored it. */
  postsMessage(author: FakeUser, channel: FakeChannel, content: string): Json {
    const message = guildMessageJson(author, channel, content);
    this.rest.remember(message);
    this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** A user writes to the bot privately. */
  sendsDirectMessage(author: FakeUser, content: string): Json {
    const message = messageJson(author, dmChannelId(author.id), content, { channel_type: ChannelType.DM });
    this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** A user opens a post in a forum: the thread appears, its starter message has the thread's id. */
  opensForumPost(author: FakeUser, forum: FakeChannel, title: string, content: string): FakeChannel {
    const thread = { id: snowflake(), type: ChannelType.PublicThread, name: title, parentId: forum.id };
    this.rest.remember({ ...guildMessageJson(author, thread, content), id: thread.id });
    this.gateway.dispatch('THREAD_CREATE', threadJson(thread, author, true));
    return thread;
  }

  /** A message the bot showed, as it now sits in the channel (to click its buttons). */
  asPostedMessage(message: BotMessage, askedBy?: FakeUser, channel: FakeChannel = world.channels.general): Json {
    // Discord marks a command's answer with who ran the command.
    const metadata = askedBy && { interaction_metadata: { id: snowflake(), type: 2, user: userJson(askedBy), authorizing_integration_owners: {} } };
    return messageJson(world.users.bot, channel.id, String(message.body.content ?? ''), { embeds: message.body.embeds ?? [], components: message.body.components ?? [], ...metadata });
  }

  /** Every message the bot got through to Discord for an interaction, in order (rejected attempts left out). */
  messagesFor(interaction: SentInteraction): BotMessage[] {
    return this.rest.requests.flatMap((request): BotMessage[] => {
      if (!request.path.includes(interaction.token) || request.body === null || request.status >= 300 || request.status === 0) return [];
      if (request.path.endsWith('/callback')) {
        const data = request.body.data as Json | undefined;
        return data && hasMessage(data) ? [{ via: 'callback', body: data, request }] : [];
      }
      if (request.method === 'PATCH') return [{ via: 'edit', body: request.body, request }];
      if (request.method === 'POST') return [{ via: 'followUp', body: request.body, request }];
      return [];
    });
  }

  /** Waits for the interaction's first visible message (reply, edit of the deferred reply, or follow-up). */
  async firstMessageFor(interaction: SentInteraction, timeoutMs = 8000): Promise<BotMessage> {
    return this.nthMessageFor(interaction, 1, timeoutMs);
  }

  /** Waits until the bot has shown `count` messages for the interaction and returns the last of them. */
  async nthMessageFor(interaction: SentInteraction, count: number, timeoutMs = 8000): Promise<BotMessage> {
    await this.rest.waitUntil(() => this.messagesFor(interaction).length >= count, `message #${count} for interaction ${interaction.id}`, timeoutMs);
    return this.messagesFor(interaction)[count - 1]!;
  }

  /** The acknowledgement (callback) the bot sent for an interaction. */
  callbackFor(interaction: SentInteraction, timeoutMs = 8000): Promise<RecordedRequest> {
    return this.rest.waitFor(`POST /interactions/${interaction.id}/${interaction.token}/callback`, () => true, timeoutMs);
  }

  private sendInteraction(json: Json): SentInteraction {
    this.gateway.dispatch('INTERACTION_CREATE', json);
    return { id: String(json.id), token: String(json.token), json };
  }
}

export function inChannel(channel: FakeChannel): Place {
  return { channel };
}

export const inDm: Place = { dm: true };

function hasMessage(data: Json): boolean {
  return 'content' in data || 'embeds' in data || 'components' in data;
}
