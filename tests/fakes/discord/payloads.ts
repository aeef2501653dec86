import { ApplicationCommandOptionType, ApplicationCommandType, ChannelType, ComponentType, InteractionType } from 'discord.js';
import { snowflake } from './ids.ts';
import { baseMemberPermissions, memberRoles, world, type FakeChannel, type FakeUser } from './world.ts';

/** Raw gateway/REST JSON as Discord sends it. Builders below keep tests free of wire details. */
export type Json = Record<string, unknown>;

export function userJson(user: FakeUser): Json {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null, bot: user.bot };
}

function memberJson(user: FakeUser, withUser = true): Json {
  return {
    ...(withUser && { user: userJson(user) }),
    roles: memberRoles[user.id] ?? [],
    joined_at: '2024-01-01T00:00:00.000Z',
    nick: null,
    avatar: null,
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
  };
}

function channelJson(channel: FakeChannel): Json {
  return {
    id: channel.id,
    type: channel.type,
    name: channel.name ?? 'thread',
    guild_id: world.guild.id,
    position: 0,
    permission_overwrites: [],
    ...(channel.parentId && { parent_id: channel.parentId }),
  };
}

export function readyJson(sessionId: string, resumeUrl: string): Json {
  return {
    v: 10,
    user: userJson(world.users.bot),
    guilds: [{ id: world.guild.id, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    application: { id: world.applicationId, flags: 0 },
    shard: [0, 1],
  };
}

export function guildCreateJson(): Json {
  return {
    id: world.guild.id,
    name: world.guild.name,
    icon: null,
    owner_id: world.guild.ownerId,
    unavailable: false,
    large: false,
    member_count: 4,
    joined_at: '2024-01-01T00:00:00.000Z',
    features: [],
    emojis: [],
    stickers: [],
    roles: Object.values(world.roles).map((role, position) => ({
      id: role.id, name: role.name, permissions: role.permissions.toString(), position, color: 0, hoist: false, managed: false, mentionable: false, flags: 0,
    })),
    channels: Object.values(world.channels).map(channelJson),
    threads: [],
    members: [memberJson(world.users.bot)],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/** Where an interaction or message happens: a guild channel (or thread), or a DM. */
export type Place = { channel: FakeChannel } | { dm: true };

function interactionBase(type: InteractionType, user: FakeUser, place: Place, extraPermissions: bigint): Json {
  const common = {
    id: snowflake(),
    application_id: world.applicationId,
    type,
    token: `itoken-${snowflake()}`,
    version: 1,
    app_permissions: baseMemberPermissions.toString(),
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
  };
  if ('dm' in place) {
    const dmChannel = { id: `dm-${user.id}`, type: ChannelType.DM, recipients: [userJson(user)] };
    return { ...common, context: 1, user: userJson(user), channel: dmChannel, channel_id: dmChannel.id };
  }
  return {
    ...common,
    context: 0,
    guild_id: world.guild.id,
    guild_locale: 'en-US',
    channel: channelJson(place.channel),
    channel_id: place.channel.id,
    member: { ...memberJson(user), permissions: (baseMemberPermissions | extraPermissions).toString() },
  };
}

export type OptionValue = string | { user: FakeUser };

export function slashCommandJson(user: FakeUser, name: string, options: Record<string, OptionValue>, place: Place, extraPermissions = 0n): Json {
  const users: Record<string, Json> = {};
  const members: Record<string, Json> = {};
  const optionList = Object.entries(options).map(([optionName, value]) => {
    if (typeof value === 'string') return { name: optionName, type: ApplicationCommandOptionType.String, value };
    users[value.user.id] = userJson(value.user);
    members[value.user.id] = { ...memberJson(value.user, false), permissions: baseMemberPermissions.toString() };
    return { name: optionName, type: ApplicationCommandOptionType.User, value: value.user.id };
  });
  const resolved = Object.keys(users).length ? { resolved: { users, members } } : {};
  return {
    ...interactionBase(InteractionType.ApplicationCommand, user, place, extraPermissions),
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options: optionList, ...resolved },
  };
}

export function autocompleteJson(user: FakeUser, name: string, option: string, typed: string, place: Place): Json {
  return {
    ...interactionBase(InteractionType.ApplicationCommandAutocomplete, user, place, 0n),
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options: [{ name: option, type: ApplicationCommandOptionType.String, value: typed, focused: true }] },
  };
}

export function buttonClickJson(user: FakeUser, customId: string, message: Json, place: Place): Json {
  return {
    ...interactionBase(InteractionType.MessageComponent, user, place, 0n),
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
  };
}

export function messageCommandJson(user: FakeUser, name: string, target: Json, place: Place, extraPermissions = 0n): Json {
  return {
    ...interactionBase(InteractionType.ApplicationCommand, user, place, extraPermissions),
    data: { id: snowflake(), name, type: ApplicationCommandType.Message, target_id: target.id, resolved: { messages: { [String(target.id)]: target } } },
  };
}

/** A message as Discord stores it; `author` is a user of the world or the bot. */
export function messageJson(author: FakeUser, channelId: string, content: string, extra: Json = {}): Json {
  const mentioned = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]);
  const mentions = Object.values(world.users).filter((u) => mentioned.includes(u.id)).map(userJson);
  return {
    id: snowflake(),
    channel_id: channelId,
    author: userJson(author),
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions,
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...extra,
  };
}

export function guildMessageJson(author: FakeUser, channel: FakeChannel, content: string): Json {
  return messageJson(author, channel.id, content, { guild_id: world.guild.id, member: memberJson(author, false) });
}

export function threadJson(thread: FakeChannel & { parentId: string }, owner: FakeUser, newlyCreated: boolean): Json {
  return {
    ...channelJson(thread),
    type: ChannelType.PublicThread,
    owner_id: owner.id,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    member_count: 1,
    message_count: 0,
    ...(newlyCreated && { newly_created: true }),
  };
}
