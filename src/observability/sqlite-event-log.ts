import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openInWalMode } from '../store/sqlite-open.ts';
import { checkpointInBackground } from '../store/background-checkpoint.ts';
import { botEventSchema, EVENT_RETENTION_MS, type BotEvent, type BotEventLog } from './turn-events.ts';

export const EVENTS_FILE_NAME = 'events.sqlite';
const PRUNE_EVERY = 500;
/**
 * Appends wait this long to be written together, in one transaction. Every turn appends an
 * event, and under load a commit per event was a measurable share of the Slack door's CPU; a
 * crash loses at most this much of the operator log, never a conversation.
 */
const BATCH_MS = 20;

/** Operator events in their own sqlite file beside conversations.sqlite, so the conversation schema stays the store's own. */
export class SqliteEventLog implements BotEventLog {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement<[number, string]>;
  readonly #since: Database.Statement<[number], { json: string }>;
  readonly #prune: Database.Statement<[number]>;
  #appended = 0;
  readonly #stopCheckpoints: () => Promise<void>;
  #pending: [number, string][] = [];
  #flushTimer: NodeJS.Timeout | undefined;
  readonly #writeBatch: (rows: [number, string][]) => void;
  readonly #onProblem: (message: string) => void;

  /** `onProblem` hears of a failing background checkpoint or batch write (a CLI reading the log passes none). */
  constructor(dataDir: string, onProblem: (message: string) => void = () => undefined) {
    mkdirSync(dataDir, { recursive: true });
    this.#db = new Database(join(dataDir, EVENTS_FILE_NAME));
    openInWalMode(this.#db);
    this.#db.exec('CREATE TABLE IF NOT EXISTS events (at_ms INTEGER NOT NULL, json TEXT NOT NULL); CREATE INDEX IF NOT EXISTS events_at ON events (at_ms);');
    this.#insert = this.#db.prepare('INSERT INTO events (at_ms, json) VALUES (?, ?)');
    this.#since = this.#db.prepare('SELECT json FROM events WHERE at_ms >= ? ORDER BY at_ms, rowid');
    this.#prune = this.#db.prepare('DELETE FROM events WHERE at_ms < ?');
    this.#onProblem = onProblem;
    this.#stopCheckpoints = checkpointInBackground(this.#db, onProblem);
    this.#writeBatch = this.#db.transaction((rows: [number, string][]) => {
      for (const [atMs, json] of rows) {
        this.#insert.run(atMs, json);
        if (++this.#appended % PRUNE_EVERY === 1) this.#prune.run(atMs - EVENT_RETENTION_MS);
      }
    });
  }

  /** Validated now, written with the others of the next BATCH_MS. */
  async append(event: BotEvent): Promise<void> {
    const valid = botEventSchema.parse(event);
    this.#pending.push([Date.parse(valid.at), JSON.stringify(valid)]);
    this.#flushTimer ??= setTimeout(() => this.#flush(), BATCH_MS);
  }

  async since(since: Date): Promise<BotEvent[]> {
    this.#flush();
    return parseEvents(this.#since.all(since.getTime()).map((r) => r.json));
  }

  async close(): Promise<void> {
    this.#flush();
    await this.#stopCheckpoints();
    if (this.#db.open) this.#db.close();
  }

  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const rows = this.#pending;
    if (!rows.length || !this.#db.open) return;
    this.#pending = [];
    try {
      this.#writeBatch(rows);
    } catch (error) {
      // A full disk or a locked file: the operator hears of it; turns go on being answered.
      this.#onProblem(`writing ${rows.length} operator events failed: ${(error as Error).message}`);
    }
  }
}

/** A row that no longer matches the schema (older version, hand edit) is skipped, not fatal. */
export function parseEvents(lines: string[]): BotEvent[] {
  const events: BotEvent[] = [];
  for (const line of lines) {
    try {
      const parsed = botEventSchema.safeParse(JSON.parse(line));
      if (parsed.success) events.push(parsed.data);
    } catch {
      // unreadable JSON: skipped like an invalid row
    }
  }
  return events;
}
