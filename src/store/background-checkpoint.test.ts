import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationKey } from './conversation-record.ts';
import { SQLITE_FILE_NAME, SqliteConversationStore } from './sqlite-store.ts';
import { sampleRecord, transcriptOf } from './test-records.ts';

/** Enough records to pass sqlite's default 1000-page auto-checkpoint several times over. */
const RECORDS = 1_500;

describe('sqlite checkpoints in a worker thread', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-bot-checkpoint-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function fill(store: SqliteConversationStore): Promise<void> {
    for (let i = 0; i < RECORDS; i++) {
      await store.put(sampleRecord({ conversationId: `t-${i}`, key: conversationKey('discord', `t-${i}`), transcript: transcriptOf(40) }));
    }
  }

  it('a burst of writes lands in the WAL and is moved into the database file in the background', async () => {
    const store = new SqliteConversationStore(dataDir, pino({ level: 'silent' }));
    const file = join(dataDir, SQLITE_FILE_NAME);
    const before = statSync(file).size;
    await fill(store);
    // Several MB went into the WAL. Only a checkpoint grows the main file, and the bot's own connection no longer runs one.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < 2_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(statSync(file).size).toBeGreaterThan(Math.max(before, 2_000_000));
    await store.close();
  });

  it('closing the store stops the worker, leaves no WAL behind, and every conversation reads back', async () => {
    const store = new SqliteConversationStore(dataDir, pino({ level: 'silent' }));
    await fill(store);
    await store.close();
    expect(existsSync(join(dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(false);
    const reopened = new SqliteConversationStore(dataDir, pino({ level: 'silent' }));
    const last = await reopened.get(conversationKey('discord', `t-${RECORDS - 1}`));
    expect(last?.transcript).toHaveLength(40);
    await reopened.close();
  });
});
