import type { ConversationRef } from '../../src/conversation/seam.ts';
import type { Config } from '../../src/config.ts';
import type { RepliableInteraction } from 'discord.js';
import { conversationId } from './conversation-ref.ts';
import { isModerator } from './moderator.ts';

export function conversationOfInteraction(interaction: RepliableInteraction, config: Config): ConversationRef {
  return {
    platform: 'discord',
    id: conversationId(interaction.channel, interaction.channelId, interaction.user.id, interaction.inGuild()),
    user: interaction.user.id,
    ...(interaction.inGuild() && interaction.channelId ? { place: interaction.channelId } : {}),
    isModerator: isModerator(interaction.member, interaction.memberPermissions, config.DISCORD_MODERATOR_ROLE_ID),
  };
}
