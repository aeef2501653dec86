import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openInWalMode } from './sqlite-open.ts';
import type { Platform } from '../conversation/seam.ts';
import type { Logger } from '../log.ts';
import { conversationRecordSchema, type ConversationRecord, type ConversationRecordInput } from './conversation-record.ts';
import type { ConversationStore } from './conversation-store.ts';
import { feedbackEventSchema, type FeedbackCounts, type FeedbackEvent } from './feedback.ts';
import { KeyedMutex } from '../concurrency/keyed-mutex.ts';
import { migrate } from './sqlite-schema.ts';
import { holdingLock, TURN_LOCK_TTL_MS } from './turn-lock.ts';
import { checkpointInBackground } from './background-checkpoint.ts';

export const SQLITE_FILE_NAME = 'conversations.sqlite';

type ConversationRow = {
  key: string;
  platform: string;
  conversation_id: string;
  user_id: string;
  state_json: string;
  transcript_json: string;
  created_at: string;
  updated_at: string;
};

const COLUMNS = 'key, platform, conversation_id, user_id, state_json, transcript_json, created_at, updated_at';

/**
 * Durable default store: one sqlite file under DATA_DIR, so conversations survive a restart or deploy.
 * Safe for several processes on one file: turns of one conversation take a row in turn_locks.
 */
export class SqliteConversationStore implements ConversationStore {
  readonly #db: Database.Database;
  /** Turns in this process queue here first, so only one of them polls the file's lock. */
  readonly #mutex = new KeyedMutex();
  readonly #logger: Logger;
  readonly #statements: ReturnType<typeof prepareStatements>;
  readonly #stopCheckpoints: () => Promise<void>;

  constructor(dataDir: string, logger: Logger) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, SQLITE_FILE_NAME);
    this.#db = new Database(file);
    this.#logger = logger;
    // WAL lets the terminal door read while the bot writes; busy_timeout rides out the brief write locks.
    openInWalMode(this.#db);
    migrate(this.#db, file);
    this.#statements = prepareStatements(this.#db);
    this.#stopCheckpoints = checkpointInBackground(this.#db, (message) => logger.error({ file }, `sqlite checkpoint: ${message}`));
  }

  withTurnLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.#mutex.runExclusive(key, () => {
      const token = randomUUID();
      const { acquireLock, renewLock, releaseLock } = this.#statements;
      return holdingLock(
        key,
        {
          tryAcquire: async () => acquireLock.run({ key, token, now: Date.now(), expires: Date.now() + TURN_LOCK_TTL_MS }).changes === 1,
          renew: async () => void renewLock.run({ key, token, expires: Date.now() + TURN_LOCK_TTL_MS }),
          release: async () => void (this.#db.open && releaseLock.run({ key, token })),
        },
        fn,
      );
    });
  }

  async get(key: string): Promise<ConversationRecord | undefined> {
    const row = this.#statements.get.get(key);
    return row === undefined ? undefined : this.#recordFromRow(row);
  }

  async put(input: ConversationRecordInput): Promise<void> {
    const record = conversationRecordSchema.parse(input);
    this.#statements.upsert.run({
      key: record.key,
      platform: record.platform,
      conversation_id: record.conversationId,
      user_id: record.user,
      state_json: JSON.stringify(record.state),
      transcript_json: JSON.stringify(record.transcript),
      created_at: record.createdAt,
      updated_at: record.updatedAt,
      updated_ms: Date.parse(record.updatedAt),
    });
  }

  async delete(key: string): Promise<void> {
    this.#statements.delete.run(key);
  }

  async latestForUser(platform: Platform, user: string): Promise<ConversationRecord | undefined> {
    // Walk newest first so one corrupt row hides only itself, not the user's older conversations.
    for (const row of this.#statements.byUser.iterate(platform, user)) {
      const record = this.#recordFromRow(row);
      if (record !== undefined) return record;
    }
    return undefined;
  }

  async recordFeedback(input: FeedbackEvent): Promise<void> {
    const event = feedbackEventSchema.parse(input);
    this.#statements.insertFeedback.run({
      conversation_key: event.key,
      helpful: event.helpful ? 1 : 0,
      page_id: event.pageId ?? null,
      at: event.at,
    });
  }

  async feedbackCounts(): Promise<FeedbackCounts> {
    const row = this.#statements.feedbackCounts.get();
    return { helpful: row?.helpful ?? 0, notHelpful: row?.notHelpful ?? 0 };
  }

  async purgeExpired(olderThan: Date): Promise<number> {
    return this.#statements.purge.run(olderThan.getTime()).changes;
  }

  async close(): Promise<void> {
    await this.#stopCheckpoints();
    if (this.#db.open) this.#db.close();
  }

  /** A row that no longer parses is reported and treated as absent: one bad write must not wedge a thread. */
  #recordFromRow(row: ConversationRow): ConversationRecord | undefined {
    let candidate: unknown;
    try {
      candidate = {
        key: row.key,
        platform: row.platform,
        conversationId: row.conversation_id,
        user: row.user_id,
        state: JSON.parse(row.state_json) as unknown,
        transcript: JSON.parse(row.transcript_json) as unknown,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    } catch (error) {
      this.#logger.warn({ key: row.key, problem: (error as Error).message }, 'ignoring conversation row with invalid JSON');
      return undefined;
    }
    const parsed = conversationRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      this.#logger.warn({ key: row.key, problem }, 'ignoring conversation row that fails validation');
      return undefined;
    }
    return parsed.data;
  }
}

function prepareStatements(db: Database.Database) {
  return {
    get: db.prepare<[string], ConversationRow>(`SELECT ${COLUMNS} FROM conversations WHERE key = ?`),
    upsert: db.prepare<[Record<string, string | number>]>(
      `INSERT INTO conversations (${COLUMNS}, updated_ms)
       VALUES (@key, @platform, @conversation_id, @user_id, @state_json, @transcript_json, @created_at, @updated_at, @updated_ms)
       ON CONFLICT (key) DO UPDATE SET
         platform = excluded.platform, conversation_id = excluded.conversation_id, user_id = excluded.user_id,
         state_json = excluded.state_json, transcript_json = excluded.transcript_json,
         created_at = excluded.created_at, updated_at = excluded.updated_at, updated_ms = excluded.updated_ms`,
    ),
    delete: db.prepare<[string]>('DELETE FROM conversations WHERE key = ?'),
    byUser: db.prepare<[string, string], ConversationRow>(
      `SELECT ${COLUMNS} FROM conversations WHERE platform = ? AND user_id = ? ORDER BY updated_ms DESC`,
    ),
    insertFeedback: db.prepare<[Record<string, string | number | null>]>(
      'INSERT INTO feedback (conversation_key, helpful, page_id, at) VALUES (@conversation_key, @helpful, @page_id, @at)',
    ),
    feedbackCounts: db.prepare<[], { helpful: number | null; notHelpful: number | null }>(
      'SELECT SUM(helpful) AS helpful, SUM(1 - helpful) AS notHelpful FROM feedback',
    ),
    purge: db.prepare<[number]>('DELETE FROM conversations WHERE updated_ms < ?'),
    // One statement, so taking a free (or expired) lock is atomic across processes.
    acquireLock: db.prepare<[{ key: string; token: string; now: number; expires: number }]>(
      `INSERT INTO turn_locks (key, token, expires_ms) VALUES (@key, @token, @expires)
       ON CONFLICT (key) DO UPDATE SET token = excluded.token, expires_ms = excluded.expires_ms WHERE turn_locks.expires_ms < @now`,
    ),
    renewLock: db.prepare<[{ key: string; token: string; expires: number }]>('UPDATE turn_locks SET expires_ms = @expires WHERE key = @key AND token = @token'),
    releaseLock: db.prepare<[{ key: string; token: string }]>('DELETE FROM turn_locks WHERE key = @key AND token = @token'),
  };
}
