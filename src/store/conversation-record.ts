import { z } from 'zod';
import { platformSchema, transcriptEntrySchema, type Platform } from '../conversation/seam.ts';

/** Older turns are dropped so a long thread cannot grow a row (or a hand-off summary) without bound. */
export const MAX_TRANSCRIPT_ENTRIES = 50;

/** The store's primary key: one conversation per platform-scoped door id. */
export function conversationKey(platform: Platform, conversationId: string): string {
  return `${platform}:${conversationId}`;
}

const isoTimestamp = z.iso.datetime({ offset: true });

export const conversationRecordSchema = z
  .object({
    key: z.string().min(1),
    platform: platformSchema,
    conversationId: z.string().min(1),
    user: z.string().min(1),
    /** Engine-owned JSON (flow position, collected facts); the store round-trips it without looking. Use null for none. */
    // undefined would vanish in JSON and come back as a missing key, so it is stored as null.
    state: z.unknown().transform((state) => (state === undefined ? null : state)),
    transcript: z.array(transcriptEntrySchema).transform((entries) => entries.slice(-MAX_TRANSCRIPT_ENTRIES)),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  // A key that disagrees with its parts would make latestForUser and get() see different conversations.
  .refine((r) => r.key === conversationKey(r.platform, r.conversationId), {
    message: 'key must be `${platform}:${conversationId}`',
    path: ['key'],
  });

/** What callers hand to put(): the transcript may be longer than the cap. */
export type ConversationRecordInput = z.input<typeof conversationRecordSchema>;
/** What the store hands back: validated, transcript capped. */
export type ConversationRecord = z.output<typeof conversationRecordSchema>;
