import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * What the bot needs in a server, and nothing more: read the channels it is asked in, answer
 * (messages, embeds with sources, in threads), open a thread under a mention, read the message a
 * moderator escalates. README's invite URL is this integer; a test keeps them equal.
 */
export const REQUIRED_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
] as const;

export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export function permissionsInteger(): string {
  return new PermissionsBitField([...REQUIRED_PERMISSIONS]).bitfield.toString();
}

export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({ client_id: applicationId, scope: INVITE_SCOPES.join(' '), permissions: permissionsInteger() });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
