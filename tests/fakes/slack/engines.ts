import type { Handoff, HandoffRequest, Reply, SupportEngine, Turn } from '../../../src/conversation/seam.ts';

/**
 * Engines behind the Slack door in tests: the real engine wrapped by `spyOn`
 * (records what the door asked and what the engine answered, and can hold a
 * turn back to show what the user sees meanwhile), and `throwingEngine` for
 * the one thing the real engine will not do on demand: fail.
 */

export type EngineSpy = {
  engine: SupportEngine;
  /** Every turn the door sent, in order. */
  turns: Turn[];
  /** Turns the engine answered, with its replies: what the door had to show. */
  answers: { turn: Turn; replies: Reply[] }[];
  handoffs: { request: HandoffRequest; result: Handoff }[];
  /** The engine's replies to the last turn of a conversation; throws when it never answered there. */
  lastRepliesIn(conversationId: string): Reply[];
  /** The next turn waits until released, then the inner engine answers it. */
  holdNext(): { release(): void };
};

/** Wraps an engine and records every turn and hand-off the door sent it. */
export function spyOn(inner: SupportEngine): EngineSpy {
  const turns: Turn[] = [];
  const answers: { turn: Turn; replies: Reply[] }[] = [];
  const handoffs: { request: HandoffRequest; result: Handoff }[] = [];
  const gates: Promise<void>[] = [];
  const engine: SupportEngine = {
    handle: async (turn) => {
      turns.push(turn);
      const gate = gates.shift();
      if (gate) await gate;
      const replies = await inner.handle(turn);
      answers.push({ turn, replies });
      return replies;
    },
    codeSuggestions: (prefix, limit) => inner.codeSuggestions(prefix, limit),
    handoff: async (request) => {
      const result = await inner.handoff(request);
      handoffs.push({ request, result });
      return result;
    },
    close: () => inner.close(),
  };
  return {
    engine,
    turns,
    answers,
    handoffs,
    lastRepliesIn(conversationId) {
      const last = answers.findLast((answer) => answer.turn.conversation.id === conversationId);
      if (!last) throw new Error(`the engine never answered in ${conversationId}; answered in: ${answers.map((a) => a.turn.conversation.id).join(', ') || 'none'}`);
      return last.replies;
    },
    holdNext() {
      let release = () => {};
      gates.push(new Promise<void>((resolve) => (release = resolve)));
      return { release: () => release() };
    },
  };
}

/** An engine whose knowledge is unavailable: every turn throws; hand-offs still work. */
export function throwingEngine(): SupportEngine {
  return {
    handle: async () => {
      throw new Error('knowledge index unavailable');
    },
    codeSuggestions: () => [],
    handoff: async (request) => ({
      escalation: { url: 'https://dash.cloudflare.com/?to=/:account/support', summary: `Case for ${request.user}: ${request.messageText ?? ''}`, checklist: [], audience: 'cloudflare-support', heading: 'Open a support case', actionLabel: 'Open a support case' },
      transcript: [],
      hadConversation: false,
    }),
    close: async () => {},
  };
}
