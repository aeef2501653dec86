import type { Channel } from 'discord.js';

/**
 * A thread is one conversation for everyone in it; elsewhere each person has
 * their own conversation per channel, and DMs are per person.
 */
export function conversationId(channel: Channel | null, channelId: string | null, userId: string, inGuild: boolean): string {
  if (!inGuild) return `dm:${userId}`;
  if (channel?.isThread()) return channel.id;
  return `${channelId ?? channel?.id ?? 'unknown'}:${userId}`;
}
