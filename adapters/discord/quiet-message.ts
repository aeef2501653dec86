import { MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';

/**
 * Every message the door sends. The allowedMentions field is required by the
 * type, so a payload that could ping @everyone or a role cannot be built by
 * accident: user and engine text may contain mentions, and none must fire.
 */
export type QuietMessage = {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
};

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export function quiet(message: Omit<QuietMessage, 'allowedMentions'>): QuietMessage {
  return { ...message, allowedMentions: { parse: [] } };
}

/** A plain line of text from the door itself (apology, refusal, expiry). */
export function notice(content: string): QuietMessage {
  return quiet({ content });
}

/** Reply options for an interaction; ephemeral ones are seen only by the person who acted. */
export function asInteractionReply(message: QuietMessage, ephemeral: boolean) {
  return ephemeral ? { ...message, flags: MessageFlags.Ephemeral as const } : message;
}
