/**
 * Conversation ids the engine keys its state on. A channel thread is
 * `${channel}:${threadTs}` (a top-level mention starts its own thread at its ts);
 * a direct message is the DM channel itself, because DMs are not threaded.
 */
export function conversationIdFor(where: { channel: string; threadTs?: string; ts?: string; isDirect: boolean }): string {
  if (where.isDirect) return where.channel;
  return `${where.channel}:${where.threadTs ?? where.ts ?? ''}`;
}

/** DM channel ids start with D; Slack documents the prefix and events do not always carry channel_type. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith('D');
}

/** Slash-command answers are ephemeral and have no thread, so each asker gets their own conversation per channel. */
export function slashConversationId(channel: string, user: string): string {
  return `${channel}:slash:${user}`;
}
