import { z } from 'zod';

/** One "Did that solve it?" answer. Kept apart from conversations so counts survive conversation expiry. */
export const feedbackEventSchema = z.object({
  key: z.string().min(1),
  helpful: z.boolean(),
  /** Docs page id the answer was grounded in, when there was one. */
  pageId: z.string().min(1).optional(),
  at: z.iso.datetime({ offset: true }),
});
export type FeedbackEvent = z.infer<typeof feedbackEventSchema>;

export type FeedbackCounts = { helpful: number; notHelpful: number };
