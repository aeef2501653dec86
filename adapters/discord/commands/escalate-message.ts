import { ApplicationCommandType, ContextMenuCommandBuilder, InteractionContextType, PermissionFlagsBits, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { DoorContext } from '../context.ts';
import { conversationId } from '../conversation-ref.ts';
import { handoffToSupport } from '../moderator-handoff.ts';

export const data = new ContextMenuCommandBuilder()
  .setName('Escalate to support')
  .setType(ApplicationCommandType.Message)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageThreads)
  .setContexts(InteractionContextType.Guild);

export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: DoorContext): Promise<void> {
  const message = interaction.targetMessage;
  await handoffToSupport(interaction, ctx, {
    user: message.author,
    messageText: message.content,
    messageUrl: message.url,
    conversationId: conversationId(message.channel, message.channelId, message.author.id, message.inGuild()),
  });
}
