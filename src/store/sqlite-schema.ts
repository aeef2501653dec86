import type { Database } from 'better-sqlite3';

/**
 * Migrations in order; entry N brings the file to version N+1. Append, never edit: files written
 * by an older release are upgraded step by step on open.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE conversations (
    key TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    state_json TEXT NOT NULL,
    transcript_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- ISO strings with different offsets or precision do not sort as text; milliseconds do.
    updated_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX conversations_by_user ON conversations (platform, user_id, updated_ms DESC);
  CREATE INDEX conversations_by_age ON conversations (updated_ms);
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    conversation_key TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    page_id TEXT,
    at TEXT NOT NULL
  ) STRICT;
  `,
  // Two processes on one file (a deploy overlapping the old one, a second `npm start`) must not
  // interleave one conversation's turns: a turn holds this row while it reads and writes.
  `
  CREATE TABLE turn_locks (
    key TEXT PRIMARY KEY,
    token TEXT NOT NULL,
    expires_ms INTEGER NOT NULL
  ) STRICT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the file to SCHEMA_VERSION, refusing files from a newer release rather than guessing.
 * The version is read and upgraded inside one immediate (write-locked) transaction: two processes
 * opening one new file together otherwise both read version 0 and both run the first migration.
 * The second waits on the lock (better-sqlite3's busy timeout), then reads the version the first wrote.
 */
export function migrate(db: Database, file: string): void {
  const upgrade = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT');
    const row = db.prepare<[], { version: number }>('SELECT version FROM schema_version').get();
    const current = row?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `${file} has schema version ${current}, but this release understands up to ${SCHEMA_VERSION}. ` +
          'Upgrade the bot or point DATA_DIR at another directory.',
      );
    }
    if (current === SCHEMA_VERSION) return;
    for (let version = current; version < SCHEMA_VERSION; version += 1) db.exec(MIGRATIONS[version] ?? '');
    db.exec('DELETE FROM schema_version');
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
  });
  upgrade.immediate();
}
