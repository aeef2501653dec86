import { ChannelType, PermissionFlagsBits } from 'discord.js';

/**
 * The one guild the fake serves: a general channel, a help channel, a
 * moderator channel and a help forum; a bot, two members and a moderator.
 */
const basePermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.UseApplicationCommands;

export const world = {
  applicationId: '900000000000000001',
  guild: { id: '900000000000000010', name: 'Cloudflare Helpers', ownerId: '900000000000000099' },
  roles: {
    everyone: { id: '900000000000000010', name: '@everyone', permissions: basePermissions },
    moderator: { id: '900000000000000020', name: 'Moderators', permissions: basePermissions },
    staff: { id: '900000000000000021', name: 'Staff', permissions: basePermissions },
  },
  channels: {
    general: { id: '900000000000000030', name: 'general', type: ChannelType.GuildText },
    help: { id: '900000000000000031', name: 'help', type: ChannelType.GuildText },
    moderators: { id: '900000000000000032', name: 'moderators', type: ChannelType.GuildText },
    helpForum: { id: '900000000000000033', name: 'help-forum', type: ChannelType.GuildForum },
  },
  users: {
    bot: { id: '900000000000000040', username: 'cf-support' , bot: true },
    alice: { id: '900000000000000041', username: 'alice', bot: false },
    bob: { id: '900000000000000042', username: 'bob', bot: false },
    mod: { id: '900000000000000043', username: 'mia-mod', bot: false },
    otherBot: { id: '900000000000000044', username: 'other-bot', bot: true },
  },
} as const;

export type FakeUser = (typeof world.users)[keyof typeof world.users];
export type FakeChannel = { id: string; type: ChannelType; name?: string; parentId?: string };

/** Roles each member holds; the moderator holds the moderator role only (no Manage Threads). */
export const memberRoles: Record<string, string[]> = {
  [world.users.bot.id]: [],
  [world.users.alice.id]: [],
  [world.users.bob.id]: [],
  [world.users.mod.id]: [world.roles.moderator.id],
};

export const baseMemberPermissions = basePermissions;
