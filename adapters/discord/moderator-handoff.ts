import { channelMention, MessageFlags, userMention, type ChatInputCommandInteraction, type Client, type MessageContextMenuCommandInteraction, type User } from 'discord.js';
import { requestHandoff } from '../shared/engine-call.ts';
import type { DoorContext } from './context.ts';
import { tellPrivately } from './interaction-replies.ts';
import { isModerator } from './moderator.ts';
import { notice, type QuietMessage } from './quiet-message.ts';
import { moderatorCaseMessages, userHandoffMessages, type HandoffParties } from './render-handoff.ts';
import { texts } from './texts.ts';

export type HandoffTarget = {
  user: User;
  messageText?: string;
  messageUrl?: string;
  conversationId?: string;
};

type ModeratorInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/**
 * Moderator hand-off: the engine builds the case, moderators get it in their
 * channel, the user is told privately, and the moderator hears how it went.
 */
export async function handoffToSupport(interaction: ModeratorInteraction, ctx: DoorContext, target: HandoffTarget): Promise<void> {
  if (!isModerator(interaction.member, interaction.memberPermissions, ctx.config.DISCORD_MODERATOR_ROLE_ID)) {
    await tellPrivately(interaction, texts.moderatorsOnly);
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });

  const handoff = await requestHandoff(ctx, {
    platform: 'discord',
    user: target.user.id,
    requestedBy: interaction.user.id,
    ...(target.messageText !== undefined && { messageText: target.messageText }),
    ...(target.conversationId !== undefined && { conversationId: target.conversationId }),
  });
  if (!handoff) {
    await interaction.editReply(notice(texts.apology));
    return;
  }

  const parties: HandoffParties = { userId: target.user.id, moderatorId: interaction.user.id, ...(target.messageUrl && { messageUrl: target.messageUrl }) };
  const caseMessages = moderatorCaseMessages(handoff, parties);
  const channelId = ctx.config.DISCORD_MODERATOR_CHANNEL_ID;
  const posted = channelId !== undefined && (await postTo(interaction.client, channelId, caseMessages, ctx));
  const userTold = await sendDirect(target.user, userHandoffMessages(handoff, interaction.guild?.name ?? 'the server'), ctx);

  const report = [
    posted ? `Handed ${userMention(target.user.id)} to support: the case is in ${channelMention(channelId)}.` : `Handed ${userMention(target.user.id)} to support.`,
    userTold
      ? 'They were told privately what happens next.'
      : `I could not DM ${userMention(target.user.id)} (their DMs may be closed), so please let them know in the channel.`,
  ].join(' ');
  await interaction.editReply(notice(report));
  // Without a moderator channel the case would be lost, so the moderator gets it privately instead.
  if (!posted) {
    await tellPrivately(interaction, channelId === undefined ? texts.noModeratorChannel : 'Posting to the moderator channel failed, so here is the case.');
    await sendPrivateFollowUps(interaction, caseMessages);
  }
}

async function sendPrivateFollowUps(interaction: ModeratorInteraction, messages: QuietMessage[]): Promise<void> {
  for (const message of messages) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
}

async function postTo(client: Client, channelId: string, messages: readonly QuietMessage[], ctx: DoorContext): Promise<boolean> {
  try {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error(`channel ${channelId} is not a text channel the bot can send to`);
    for (const message of messages) await channel.send(message);
    return true;
  } catch (error) {
    ctx.logger.error({ err: error, channelId }, 'posting the hand-off to the moderator channel failed');
    return false;
  }
}

async function sendDirect(user: User, messages: readonly QuietMessage[], ctx: DoorContext): Promise<boolean> {
  try {
    for (const message of messages) await user.send(message);
    return true;
  } catch (error) {
    ctx.logger.warn({ err: error, user: user.id }, 'could not DM the user about their hand-off');
    return false;
  }
}
