import type { Platform } from '../conversation/seam.ts';
import { conversationRecordSchema, type ConversationRecord, type ConversationRecordInput } from './conversation-record.ts';
import type { ConversationStore } from './conversation-store.ts';
import { feedbackEventSchema, type FeedbackCounts, type FeedbackEvent } from './feedback.ts';
import { KeyedMutex } from '../concurrency/keyed-mutex.ts';

/**
 * In-process store for tests and throwaway runs. Records are copied through JSON on the way in
 * and out so it behaves like the sqlite store: callers cannot mutate stored state by reference,
 * and state that would not survive serialization fails here too.
 */
export class MemoryConversationStore implements ConversationStore {
  readonly #records = new Map<string, ConversationRecord>();
  readonly #feedback: FeedbackEvent[] = [];
  readonly #mutex = new KeyedMutex();

  withTurnLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#mutex.runExclusive(key, fn);
  }

  async get(key: string): Promise<ConversationRecord | undefined> {
    const record = this.#records.get(key);
    return record === undefined ? undefined : jsonCopy(record);
  }

  async put(record: ConversationRecordInput): Promise<void> {
    const valid = jsonCopy(conversationRecordSchema.parse(record));
    this.#records.set(valid.key, valid);
  }

  async delete(key: string): Promise<void> {
    this.#records.delete(key);
  }

  async latestForUser(platform: Platform, user: string): Promise<ConversationRecord | undefined> {
    let latest: ConversationRecord | undefined;
    for (const record of this.#records.values()) {
      if (record.platform !== platform || record.user !== user) continue;
      if (latest === undefined || Date.parse(record.updatedAt) > Date.parse(latest.updatedAt)) latest = record;
    }
    return latest === undefined ? undefined : jsonCopy(latest);
  }

  async recordFeedback(event: FeedbackEvent): Promise<void> {
    this.#feedback.push(feedbackEventSchema.parse(event));
  }

  async feedbackCounts(): Promise<FeedbackCounts> {
    const helpful = this.#feedback.filter((e) => e.helpful).length;
    return { helpful, notHelpful: this.#feedback.length - helpful };
  }

  async purgeExpired(olderThan: Date): Promise<number> {
    let purged = 0;
    for (const [key, record] of this.#records) {
      if (Date.parse(record.updatedAt) < olderThan.getTime()) {
        this.#records.delete(key);
        purged += 1;
      }
    }
    return purged;
  }

  async close(): Promise<void> {}
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
