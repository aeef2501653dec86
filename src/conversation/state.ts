import { z } from 'zod';
import { reasonSchema } from '../knowledge/reason.ts';
import { emptyEvidence, evidenceFactsSchema } from './evidence.ts';

const flowStateSchema = z.object({
  flowId: z.string(),
  nodeId: z.string(),
  path: z.array(
    z.object({
      nodeId: z.string(),
      question: z.string(),
      answer: z.string(),
      via: z.enum(['choice', 'text', 'evidence']),
      because: reasonSchema.optional(),
    }),
  ),
});

/**
 * What the engine remembers about one conversation between turns (stored as
 * JSON by the store). `mode` says what the last reply asked for, so the next
 * turn knows how to read "yes" or a button press.
 */
export const conversationStateSchema = z.object({
  mode: z.enum(['idle', 'flow', 'feedback', 'suggestions', 'closed']).default('idle'),
  flow: flowStateSchema.optional(),
  /** The last page answered outside a tree, for feedback and escalation context. */
  lastPage: z.object({ id: z.string(), title: z.string() }).optional(),
  /** Page ids offered as "did you mean" choices. */
  suggestions: z.array(z.string()).default([]),
  /** The "I answer in English" note was given for a question in another language. */
  languageNoted: z.boolean().default(false),
  facts: evidenceFactsSchema.default(emptyEvidence),
  code: z.string().optional(),
  /** Steps the user confirmed trying ("answers that did not solve it"). */
  tried: z.array(z.string()).default([]),
  firstQuestion: z.string().optional(),
});
export type ConversationState = z.infer<typeof conversationStateSchema>;

export function freshState(): ConversationState {
  return conversationStateSchema.parse({});
}
