import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { DoorContext } from '../context.ts';
import { conversationId } from '../conversation-ref.ts';
import { handoffToSupport } from '../moderator-handoff.ts';

export const data = new SlashCommandBuilder()
  .setName('handoff')
  .setDescription('Moderators: hand a user\'s conversation to support')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageThreads)
  .setContexts(InteractionContextType.Guild)
  .addUserOption((o) => o.setName('user').setDescription('Whose conversation to hand off').setRequired(true));

export async function execute(interaction: ChatInputCommandInteraction, ctx: DoorContext): Promise<void> {
  const user = interaction.options.getUser('user', true);
  await handoffToSupport(interaction, ctx, {
    user,
    // The id this user's own /ask here would have used, so the engine finds that conversation.
    conversationId: conversationId(interaction.channel, interaction.channelId, user.id, interaction.inGuild()),
  });
}
