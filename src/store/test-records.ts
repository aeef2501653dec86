import type { TranscriptEntry } from '../conversation/seam.ts';
import { conversationKey, type ConversationRecordInput } from './conversation-record.ts';

/** A valid record for tests; override only what the test is about. */
export function sampleRecord(overrides: Partial<ConversationRecordInput> = {}): ConversationRecordInput {
  const platform = overrides.platform ?? 'discord';
  const conversationId = overrides.conversationId ?? 'thread-1';
  return {
    key: conversationKey(platform, conversationId),
    platform,
    conversationId,
    user: 'user-1',
    state: { flow: 'error-522', step: 'check-origin', facts: { zone: 'example.com' } },
    transcript: [{ role: 'user', text: 'I get error 522', at: '2025-01-01T10:00:00.000Z' }],
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function transcriptOf(count: number): TranscriptEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? 'user' : 'bot',
    text: `message ${i}`,
    at: new Date(Date.UTC(2025, 0, 1, 10, 0, i)).toISOString(),
  }));
}
