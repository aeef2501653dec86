import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TRANSCRIPT_ENTRIES } from './conversation-record.ts';
import type { ConversationStore } from './conversation-store.ts';
import { openStore, type StoreKind } from './open-store.ts';
import { sampleRecord, transcriptOf } from './test-records.ts';

// Every backend must behave the same to the engine, so one contract runs against each.
describe.each<StoreKind>(['memory', 'sqlite'])('%s conversation store', (kind) => {
  let dataDir: string;
  let store: ConversationStore;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-bot-store-'));
    store = await openStore({ kind, dataDir, logger: pino({ level: 'silent' }) });
  });

  afterEach(async () => {
    await store.close();
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
});
