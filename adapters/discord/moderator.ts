import { GuildMember, PermissionFlagsBits, type APIInteractionGuildMember, type PermissionsBitField } from 'discord.js';

/** Moderators have the configured role, or may manage threads (the permission help channels hinge on). */
export function isModerator(
  member: GuildMember | APIInteractionGuildMember | null,
  permissions: Readonly<PermissionsBitField> | null,
  moderatorRoleId: string | undefined,
): boolean {
  if (member === null) return false;
  if (permissions?.has(PermissionFlagsBits.ManageThreads)) return true;
  if (moderatorRoleId === undefined) return false;
  return member instanceof GuildMember ? member.roles.cache.has(moderatorRoleId) : member.roles.includes(moderatorRoleId);
}
