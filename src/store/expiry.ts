import type { ConversationRecord } from './conversation-record.ts';

/**
 * The TTL rule is the engine's (CONVERSATION_TTL_MINUTES); this only does the arithmetic so every
 * caller measures idleness the same way: from the last update, not from creation.
 */
export function isExpired(record: Pick<ConversationRecord, 'updatedAt'>, now: Date, ttlMs: number): boolean {
  const updated = Date.parse(record.updatedAt);
  // An unparseable timestamp cannot prove the conversation is fresh, so it is treated as stale.
  if (Number.isNaN(updated)) return true;
  return now.getTime() - updated > ttlMs;
}
