import type { ConversationState } from '../conversation/state.ts';
import type { Reply, Turn } from '../conversation/seam.ts';

/**
 * What a turn ended in. "suggested" is an on-topic question the bot was unsure about (it offered
 * pages to pick from); "abstained" found nothing; "out_of_scope" is a topic the knowledge declares
 * it does not cover.
 */
export const TURN_OUTCOMES = ['answered', 'suggested', 'abstained', 'out_of_scope', 'tree_step', 'escalated', 'feedback', 'small_talk', 'stale', 'error', 'other'] as const;
export type TurnOutcome = (typeof TURN_OUTCOMES)[number];

/** Outcomes the engine states itself because the replies alone cannot tell them apart. */
export type StatedOutcome = Extract<TurnOutcome, 'answered' | 'suggested' | 'abstained' | 'out_of_scope' | 'small_talk' | 'error'>;

/** Handed to the engine's observer once per stored turn: the state before and after, and what was said. */
export type TurnReport = {
  turn: Turn;
  key: string;
  before: ConversationState;
  after: ConversationState;
  replies: Reply[];
  /** The user's text after redaction, when the turn was text. */
  userText?: string;
  outcome?: StatedOutcome;
  latencyMs: number;
  at: Date;
};

export type TurnObserver = (report: TurnReport) => void | Promise<void>;
