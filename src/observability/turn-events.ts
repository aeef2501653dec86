import { z } from 'zod';
import { platformSchema } from '../conversation/seam.ts';
import { TURN_OUTCOMES } from './turn-report.ts';

const at = z.iso.datetime({ offset: true });

/**
 * One line of the operator's record, what the knowledge-gap report reads. Ids only, except
 * `question`: the redacted, clipped text of a question the bot could not answer squarely.
 */
export const turnEventSchema = z.object({
  type: z.literal('turn'),
  at,
  key: z.string().min(1),
  platform: platformSchema,
  input: z.enum(['text', 'choice', 'command']),
  outcome: z.enum(TURN_OUTCOMES),
  page: z.string().optional(),
  tree: z.string().optional(),
  node: z.string().optional(),
  treeStarted: z.string().optional(),
  treeEnded: z.object({ tree: z.string(), node: z.string(), how: z.enum(['solved', 'escalated', 'handed_over', 'abandoned']) }).optional(),
  escalation: z.object({ reason: z.string(), audience: z.string() }).optional(),
  question: z.string().max(300).optional(),
  latencyMs: z.number().nonnegative(),
});

export const feedbackRecordSchema = z.object({
  type: z.literal('feedback'),
  at,
  key: z.string().min(1),
  page: z.string().optional(),
  helpful: z.boolean(),
});

export const botEventSchema = z.discriminatedUnion('type', [turnEventSchema, feedbackRecordSchema]);
export type TurnEvent = z.infer<typeof turnEventSchema>;
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;
export type BotEvent = z.infer<typeof botEventSchema>;

/** Operator records are kept long enough for a few weekly reports, then dropped. */
export const EVENT_RETENTION_MS = 90 * 24 * 60 * 60_000;

/**
 * Where turn and feedback events live: beside the conversations, in the same backend (sqlite file
 * under DATA_DIR, or Redis when REDIS_URL is set), so every process of a deployment writes to one
 * record and `cli report` reads it.
 */
export interface BotEventLog {
  append(event: BotEvent): Promise<void>;
  /** Events at or after `since`, oldest first; rows that fail validation are skipped. */
  since(since: Date): Promise<BotEvent[]>;
  close(): Promise<void>;
}

export class MemoryEventLog implements BotEventLog {
  private readonly events: BotEvent[] = [];

  async append(event: BotEvent): Promise<void> {
    this.events.push(botEventSchema.parse(event));
  }

  async since(since: Date): Promise<BotEvent[]> {
    return this.events.filter((e) => Date.parse(e.at) >= since.getTime());
  }

  async close(): Promise<void> {}
}
