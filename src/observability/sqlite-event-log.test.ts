import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventLog } from './sqlite-event-log.ts';
import type { TurnEvent } from './turn-events.ts';

const turn = (key: string, at = new Date()): TurnEvent => ({ type: 'turn', at: at.toISOString(), key, platform: 'slack', input: 'text', outcome: 'answered', page: 'error-522', latencyMs: 1.2 });

describe('the sqlite operator log', () => {
  const dirs: string[] = [];
  const dir = () => {
    const made = mkdtempSync(join(tmpdir(), 'cfbot-events-'));
    dirs.push(made);
    return made;
  };
  afterEach(() => {
    for (const made of dirs.splice(0)) rmSync(made, { recursive: true, force: true });
  });

  it('reads back at once what this process just appended, in order', async () => {
    const log = new SqliteEventLog(dir());
    for (const key of ['a', 'b', 'c']) await log.append(turn(key));
    expect((await log.since(new Date(0))).map((e) => e.key)).toEqual(['a', 'b', 'c']);
    await log.close();
  });

  it('writes a burst of appends for another process to read, within a moment and on close', async () => {
    const where = dir();
    const writer = new SqliteEventLog(where);
    const reader = new SqliteEventLog(where);
    for (let i = 0; i < 50; i += 1) await writer.append(turn(`k${i}`));
    await new Promise((r) => setTimeout(r, 200));
    expect(await reader.since(new Date(0))).toHaveLength(50);
    await writer.append(turn('last'));
    await writer.close();
    expect((await reader.since(new Date(0))).at(-1)?.key).toBe('last');
    await reader.close();
  });

  it('refuses an invalid event at append, and a failing write is reported without throwing into the turn', async () => {
    const where = dir();
    const problems: string[] = [];
    const log = new SqliteEventLog(where, (message) => problems.push(message));
    await expect(log.append({ ...turn('x'), latencyMs: -1 })).rejects.toThrow();
    await log.append(turn('kept'));
    expect((await log.since(new Date(0))).map((e) => e.key)).toEqual(['kept']);
    // Someone drops the table under the running bot: the next batch cannot be written.
    const other = new Database(join(where, 'events.sqlite'));
    other.exec('DROP TABLE events');
    other.close();
    await log.append(turn('lost'));
    await new Promise((r) => setTimeout(r, 100));
    expect(problems).toEqual([expect.stringMatching(/writing 1 operator events failed: no such table: events/)]);
    await log.close();
  });
});
