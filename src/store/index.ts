export {
  MAX_TRANSCRIPT_ENTRIES,
  conversationKey,
  conversationRecordSchema,
  type ConversationRecord,
  type ConversationRecordInput,
} from './conversation-record.ts';
export type { ConversationStore } from './conversation-store.ts';
export { isExpired } from './expiry.ts';
export { feedbackEventSchema, type FeedbackCounts, type FeedbackEvent } from './feedback.ts';
export { MemoryConversationStore } from './memory-store.ts';
export { openStore, type StoreKind, type StoreOptions } from './open-store.ts';
export { SQLITE_FILE_NAME, SqliteConversationStore } from './sqlite-store.ts';
