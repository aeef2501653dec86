import type { EngineKnowledge } from '../engine-knowledge.ts';
import type { StatedOutcome } from '../observability/turn-report.ts';
import type { ConversationStore } from '../store/conversation-store.ts';
import type { Diagnostics } from './diagnostics-replies.ts';
import type { EscalationContext } from './escalation-reply.ts';
import type { ExtractOptions } from './evidence.ts';
import type { Reply, Turn } from './seam.ts';
import type { ConversationState } from './state.ts';

/**
 * What answering one turn reads: fixed for the whole turn, so a knowledge
 * reload mid-turn never mixes old and new knowledge in one reply.
 */
export type TurnDeps = {
  knowledge: EngineKnowledge;
  store: ConversationStore;
  escalation: Omit<EscalationContext, 'knowledge'>;
  clock: () => Date;
  diagnostics?: Diagnostics | undefined;
  /** Codes the docs know, for reading evidence. */
  knownCodes: ReadonlySet<string>;
  /** Every message is read against every tree question, so a stated answer is never asked again. */
  reading: ExtractOptions;
};

/** One turn's working set: the state is mutated in place and saved once at the end. */
export type TurnContext = {
  deps: TurnDeps;
  turn: Turn;
  state: ConversationState;
  /** Said before the replies (expiry, truncation, removed secrets), once each. */
  notices: Reply[];
  /** The user's text as stored (normalised, secrets and visitor IPs removed), when the turn had any. */
  userText?: string;
  outcome?: StatedOutcome;
};
