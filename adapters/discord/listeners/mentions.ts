import { ChannelType, PermissionFlagsBits, type Message, type SendableChannels } from 'discord.js';
import type { DoorContext } from '../context.ts';
import { conversationId } from '../conversation-ref.ts';
import { runTurn } from '../../shared/engine-call.ts';
import { isModerator } from '../moderator.ts';
import { notice, type QuietMessage } from '../quiet-message.ts';
import { renderReplies } from '../render.ts';
import { redactSecrets } from '../../../src/safety/redact-secrets.ts';
import { truncate } from '../../shared/truncate.ts';
import { texts } from '../texts.ts';

const THREAD_NAME_MAX = 100;

/**
 * Messages: answers direct messages, and mentions in help channels (or in
 * threads under a help channel or forum). Bots, itself included, are ignored.
 */
export async function onMessage(message: Message, ctx: DoorContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.webhookId !== null || message.system || !message.channel.isSendable()) return;
  if (message.inGuild()) {
    if (!isHelpPlace(message, ctx) || !message.mentions.users.has(me.id)) return;
  } else if (message.channel.type !== ChannelType.DM) {
    return;
  }

  const text = withoutMention(message.content, me.id);
  if (text === '') {
    await message.reply(notice(texts.emptyMention));
    return;
  }
  // A refused turn (rate limit) answers with one notice, then silence: never open a thread for it.
  const refused = message.inGuild() && ctx.engine.wouldAnswer ? !(await ctx.engine.wouldAnswer({ platform: 'discord', user: message.author.id, place: message.channelId, id: message.channelId }).catch(() => true)) : false;
  const place = await placeToAnswer(message, text, ctx, { thread: !refused });
  const conversation = {
    platform: 'discord' as const,
    id: conversationId(place.channel, place.channel.id, message.author.id, message.inGuild()),
    user: message.author.id,
    ...(message.inGuild() ? { place: message.channelId } : {}),
    isModerator: message.inGuild() && isModerator(message.member, message.member?.permissions ?? null, ctx.config.DISCORD_MODERATOR_ROLE_ID),
  };
  await place.channel.sendTyping().catch(() => undefined);
  const outcome = await runTurn(ctx, { conversation, input: { kind: 'text', text } });
  const messages = outcome.kind === 'replies' ? renderReplies(outcome.replies) : [notice(texts.apology)];
  await place.send(messages);
}

function isHelpPlace(message: Message<true>, ctx: DoorContext): boolean {
  const channel = message.channel;
  const helpParents = [...ctx.config.DISCORD_HELP_CHANNEL_IDS, ...ctx.config.DISCORD_HELP_FORUM_IDS];
  if (channel.isThread()) return channel.parentId !== null && helpParents.includes(channel.parentId);
  return ctx.config.DISCORD_HELP_CHANNEL_IDS.includes(channel.id);
}

function withoutMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), '').trim();
}

type AnswerPlace = { channel: SendableChannels; send(messages: readonly QuietMessage[]): Promise<void> };

/**
 * In a channel the answer goes into a new thread on the question, so the
 * conversation can continue there; without permission (or if that fails) it
 * is a plain reply.
 */
async function placeToAnswer(message: Message, text: string, ctx: DoorContext, options: { thread: boolean }): Promise<AnswerPlace> {
  const channel = message.channel as SendableChannels;
  const replyInPlace: AnswerPlace = {
    channel,
    async send(messages) {
      const [first, ...rest] = messages;
      if (first) await message.reply(first);
      for (const m of rest) await channel.send(m);
    },
  };
  if (!options.thread || !message.inGuild() || message.channel.type !== ChannelType.GuildText || !canStartThread(message)) return replyInPlace;
  try {
    const thread = await message.startThread({ name: threadName(text) });
    return {
      channel: thread,
      async send(messages) {
        for (const m of messages) await thread.send(m);
      },
    };
  } catch (error) {
    ctx.logger.warn({ err: error, channel: message.channelId }, 'could not start a thread; replying in the channel');
    return replyInPlace;
  }
}

function canStartThread(message: Message<true>): boolean {
  const me = message.guild.members.me;
  const permissions = me ? message.channel.permissionsFor(me) : null;
  return permissions?.has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads]) ?? false;
}

/**
 * A thread title is public and outlives the message (deleting the question leaves it), so it is
 * cut from the redacted text, never the raw one.
 */
function threadName(text: string): string {
  const firstLine = redactSecrets(text).text.split('\n')[0]!.trim();
  return truncate(firstLine, THREAD_NAME_MAX);
}
