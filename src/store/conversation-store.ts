import type { Platform } from '../conversation/seam.ts';
import type { ConversationRecord, ConversationRecordInput } from './conversation-record.ts';
import type { FeedbackCounts, FeedbackEvent } from './feedback.ts';
import type { TurnLock } from './turn-lock.ts';

/**
 * Where conversations and feedback live between turns and across restarts.
 * Async throughout so a networked backend (redis) can implement it without changing callers.
 * Expiry is the caller's rule: see isExpired() and purgeExpired().
 * withTurnLock() serializes one conversation's turns as far as the backend is shared.
 */
export interface ConversationStore extends TurnLock {
  get(key: string): Promise<ConversationRecord | undefined>;
  /** Insert or replace. Validates the record and keeps only the last MAX_TRANSCRIPT_ENTRIES entries. */
  put(record: ConversationRecordInput): Promise<void>;
  delete(key: string): Promise<void>;
  /** The user's most recently updated conversation on that platform, for hand-offs outside the thread. */
  latestForUser(platform: Platform, user: string): Promise<ConversationRecord | undefined>;
  recordFeedback(event: FeedbackEvent): Promise<void>;
  feedbackCounts(): Promise<FeedbackCounts>;
  /** Deletes conversations last updated before `olderThan`; resolves to how many were removed. */
  purgeExpired(olderThan: Date): Promise<number>;
  close(): Promise<void>;
}
