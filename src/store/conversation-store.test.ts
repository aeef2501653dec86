import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasRedisServer, RedisServer, uniquePrefix } from '../../tests/support/redis-server.ts';
import { MAX_TRANSCRIPT_ENTRIES } from './conversation-record.ts';
import type { ConversationStore } from './conversation-store.ts';
import { openStore, type StoreKind } from './open-store.ts';
import { sampleRecord, transcriptOf } from './test-records.ts';

const silent = pino({ level: 'silent' });
let redis: RedisServer | undefined;
beforeAll(async () => {
  if (hasRedisServer) redis = await RedisServer.start();
});
afterAll(async () => {
  await redis?.stop();
});

/** Opens another instance on the same backing data: the same sqlite file, the same Redis namespace. */
type Opener = () => Promise<ConversationStore>;
const kinds: StoreKind[] = ['memory', 'sqlite', ...(hasRedisServer ? (['redis'] as const) : [])];

// Every backend must behave the same to the engine, so one contract runs against each.
describe.each<StoreKind>(kinds)('%s conversation store', (kind) => {
  let dataDir: string;
  let store: ConversationStore;
  let openAnother: Opener;
  const opened: ConversationStore[] = [];

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-bot-store-'));
    const keyPrefix = uniquePrefix();
    openAnother = async () => {
      const another = await openStore({ kind, dataDir, logger: silent, keyPrefix, ...(redis ? { redisUrl: redis.url } : {}) });
      opened.push(another);
      return another;
    };
    store = await openAnother();
  });

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('returns what was put, and nothing for an unknown key', async () => {
    const record = sampleRecord();
    await store.put(record);
    expect(await store.get(record.key)).toEqual(record);
    expect(await store.get('discord:nope')).toBeUndefined();
  });

  it('replaces a record on a second put', async () => {
    await store.put(sampleRecord());
    await store.put(sampleRecord({ state: { step: 'done' }, updatedAt: '2025-01-01T10:05:00.000Z' }));
    const stored = await store.get('discord:thread-1');
    expect(stored?.state).toEqual({ step: 'done' });
    expect(stored?.updatedAt).toBe('2025-01-01T10:05:00.000Z');
  });

  it('hands out copies, so mutating a returned record does not change the stored one', async () => {
    await store.put(sampleRecord());
    const first = await store.get('discord:thread-1');
    first?.transcript.push({ role: 'bot', text: 'sneaky', at: '2025-01-01T10:01:00.000Z' });
    expect((await store.get('discord:thread-1'))?.transcript).toHaveLength(1);
  });

  it('stores undefined state as null', async () => {
    await store.put(sampleRecord({ state: undefined }));
    expect((await store.get('discord:thread-1'))?.state).toBeNull();
  });

  it('rejects a record whose key disagrees with its platform and id', async () => {
    await expect(store.put(sampleRecord({ key: 'slack:thread-1' }))).rejects.toThrow(/key must be/);
  });

  it('deletes a record', async () => {
    await store.put(sampleRecord());
    await store.delete('discord:thread-1');
    expect(await store.get('discord:thread-1')).toBeUndefined();
  });

  it(`keeps only the last ${MAX_TRANSCRIPT_ENTRIES} transcript entries`, async () => {
    await store.put(sampleRecord({ transcript: transcriptOf(60) }));
    const transcript = (await store.get('discord:thread-1'))?.transcript ?? [];
    expect(transcript).toHaveLength(MAX_TRANSCRIPT_ENTRIES);
    expect(transcript[0]?.text).toBe('message 10');
    expect(transcript.at(-1)?.text).toBe('message 59');
  });

  it("finds the user's most recently updated conversation on that platform", async () => {
    await store.put(sampleRecord({ conversationId: 'old', updatedAt: '2025-01-01T09:00:00.000Z' }));
    await store.put(sampleRecord({ conversationId: 'new', updatedAt: '2025-01-01T11:00:00.000Z' }));
    await store.put(sampleRecord({ conversationId: 'middle', updatedAt: '2025-01-01T10:00:00.000Z' }));
    await store.put(sampleRecord({ conversationId: 'other-user', user: 'user-2', updatedAt: '2025-01-02T00:00:00.000Z' }));
    await store.put(sampleRecord({ platform: 'slack', conversationId: 'C1:1.2', updatedAt: '2025-01-03T00:00:00.000Z' }));

    expect((await store.latestForUser('discord', 'user-1'))?.conversationId).toBe('new');
    expect((await store.latestForUser('slack', 'user-1'))?.conversationId).toBe('C1:1.2');
    expect(await store.latestForUser('cli', 'user-1')).toBeUndefined();
  });

  it('orders by instant, not by how the timestamp is written', async () => {
    // 10:30+02:00 is 08:30Z: earlier, although it sorts later as text.
    await store.put(sampleRecord({ conversationId: 'offset', updatedAt: '2025-01-01T10:30:00+02:00' }));
    await store.put(sampleRecord({ conversationId: 'utc', updatedAt: '2025-01-01T09:00:00Z' }));
    expect((await store.latestForUser('discord', 'user-1'))?.conversationId).toBe('utc');
  });

  it('purges conversations last updated before the cut-off and reports how many', async () => {
    await store.put(sampleRecord({ conversationId: 'stale', updatedAt: '2025-01-01T09:00:00.000Z' }));
    await store.put(sampleRecord({ conversationId: 'fresh', updatedAt: '2025-01-01T10:30:00.000Z' }));
    expect(await store.purgeExpired(new Date('2025-01-01T10:00:00.000Z'))).toBe(1);
    expect(await store.get('discord:stale')).toBeUndefined();
    expect(await store.get('discord:fresh')).toBeDefined();
  });

  it('counts helpful and not-helpful feedback, starting from zero', async () => {
    expect(await store.feedbackCounts()).toEqual({ helpful: 0, notHelpful: 0 });
    const at = '2025-01-01T10:00:00.000Z';
    await store.recordFeedback({ key: 'discord:thread-1', helpful: true, pageId: 'error-522', at });
    await store.recordFeedback({ key: 'discord:thread-2', helpful: true, at });
    await store.recordFeedback({ key: 'slack:C1:1.2', helpful: false, pageId: 'error-1020', at });
    expect(await store.feedbackCounts()).toEqual({ helpful: 2, notHelpful: 1 });
  });

  it('keeps feedback counts when the conversation is purged', async () => {
    await store.put(sampleRecord());
    await store.recordFeedback({ key: 'discord:thread-1', helpful: false, at: '2025-01-01T10:00:00.000Z' });
    await store.purgeExpired(new Date('2030-01-01T00:00:00.000Z'));
    expect(await store.feedbackCounts()).toEqual({ helpful: 0, notHelpful: 1 });
  });

  it('runs one conversation\'s turns one at a time and lets other conversations through', async () => {
    const log: string[] = [];
    const turn = (key: string, name: string) =>
      store.withTurnLock(key, async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        log.push(`end ${name}`);
        return name;
      });
    const results = await Promise.all([turn('discord:a', 'a1'), turn('discord:a', 'a2'), turn('discord:b', 'b1')]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('frees the lock when a turn fails', async () => {
    await expect(store.withTurnLock('discord:a', () => Promise.reject(new Error('turn failed')))).rejects.toThrow('turn failed');
    await expect(store.withTurnLock('discord:a', async () => 'next')).resolves.toBe('next');
  });

  // The memory store is one process's memory: there is no second instance to share it with.
  if (kind === 'memory') return;

  it('serializes turns of one conversation across two instances on the same data', async () => {
    const other = await openAnother();
    let inside = 0;
    let overlapped = false;
    const turn = (s: ConversationStore) =>
      s.withTurnLock('slack:C1:1.2', async () => {
        inside += 1;
        if (inside > 1) overlapped = true;
        await new Promise((resolve) => setTimeout(resolve, 15));
        inside -= 1;
      });
    await Promise.all(Array.from({ length: 6 }, (_, i) => turn(i % 2 === 0 ? store : other)));
    expect(overlapped).toBe(false);
  });

  it('shows one instance\'s writes to another', async () => {
    const other = await openAnother();
    await store.put(sampleRecord());
    await other.recordFeedback({ key: 'discord:thread-1', helpful: true, at: '2025-01-01T10:00:00.000Z' });
    expect(await other.get('discord:thread-1')).toEqual(await store.get('discord:thread-1'));
    expect(await store.feedbackCounts()).toEqual({ helpful: 1, notHelpful: 0 });
  });
});
