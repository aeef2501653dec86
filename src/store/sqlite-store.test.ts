import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino, type Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './sqlite-schema.ts';
import { SQLITE_FILE_NAME, SqliteConversationStore } from './sqlite-store.ts';
import { sampleRecord } from './test-records.ts';

/** A real pino logger whose lines land in an array, so tests can see what operators would see. */
function capturingLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void raw.push(line) });
  return { logger, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('sqlite conversation store', () => {
  let root: string;
  let dataDir: string;
  const silent = pino({ level: 'silent' });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cf-bot-sqlite-'));
    dataDir = join(root, 'nested', 'data');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the data directory and a WAL-mode file on open', async () => {
    const store = new SqliteConversationStore(dataDir, silent);
    await store.put(sampleRecord());
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
    expect(existsSync(join(dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(true);
    await store.close();
  });

  it('keeps conversations and feedback across a close and reopen (a process restart)', async () => {
    const before = new SqliteConversationStore(dataDir, silent);
    await before.put(sampleRecord());
    await before.recordFeedback({ key: 'discord:thread-1', helpful: true, pageId: 'error-522', at: '2025-01-01T10:00:00Z' });
    await before.close();

    const after = new SqliteConversationStore(dataDir, silent);
    expect(await after.get('discord:thread-1')).toEqual(sampleRecord());
    expect(await after.latestForUser('discord', 'user-1')).toEqual(sampleRecord());
    expect(await after.feedbackCounts()).toEqual({ helpful: 1, notHelpful: 0 });
    await after.close();
  });

  it('treats a corrupt row as absent, logs it, and falls back to the next conversation', async () => {
    const { logger, lines } = capturingLogger();
    const store = new SqliteConversationStore(dataDir, logger);
    await store.put(sampleRecord({ conversationId: 'older', updatedAt: '2025-01-01T09:00:00.000Z' }));
    await store.put(sampleRecord({ conversationId: 'bad-json', updatedAt: '2025-01-01T11:00:00.000Z' }));
    await store.put(sampleRecord({ conversationId: 'bad-shape', updatedAt: '2025-01-01T12:00:00.000Z' }));

    // Damage the rows behind the store's back, as a crash or a hand edit might.
    const raw = new Database(join(dataDir, SQLITE_FILE_NAME));
    raw.prepare("UPDATE conversations SET state_json = '{not json' WHERE key = 'discord:bad-json'").run();
    raw.prepare(`UPDATE conversations SET transcript_json = '[{"role":"robot"}]' WHERE key = 'discord:bad-shape'`).run();
    raw.close();

    await expect(store.get('discord:bad-json')).resolves.toBeUndefined();
    await expect(store.get('discord:bad-shape')).resolves.toBeUndefined();
    expect((await store.latestForUser('discord', 'user-1'))?.conversationId).toBe('older');

    const warnings = lines().filter((l) => l.level === 40);
    expect(warnings.map((w) => w.key)).toEqual(expect.arrayContaining(['discord:bad-json', 'discord:bad-shape']));

    // A fresh turn overwrites the damage.
    await store.put(sampleRecord({ conversationId: 'bad-json' }));
    expect(await store.get('discord:bad-json')).toBeDefined();
    await store.close();
  });

  it('records the schema version and refuses a file from a newer release', async () => {
    await new SqliteConversationStore(dataDir, silent).close();
    const raw = new Database(join(dataDir, SQLITE_FILE_NAME));
    expect(raw.prepare('SELECT version FROM schema_version').get()).toEqual({ version: SCHEMA_VERSION });
    raw.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
    raw.close();

    expect(() => new SqliteConversationStore(dataDir, silent)).toThrow(/schema version .* Upgrade the bot/);
  });

  it('can be closed twice', async () => {
    const store = new SqliteConversationStore(dataDir, silent);
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
