import type { Handoff, HandoffRequest, Reply, SupportEngine, Turn } from '../../../src/conversation/seam.ts';

/**
 * Small engines for door tests: they pin down what the door must do with a
 * reply shape (choices, escalation, hostile text, a crash) without depending
 * on what the real knowledge says today.
 */

function engineOf(handle: (turn: Turn) => Promise<Reply[]>, handoff?: (request: HandoffRequest) => Promise<Handoff>): SupportEngine {
  return {
    handle,
    codeSuggestions: () => [],
    handoff:
      handoff ??
      (async (request) => ({
        escalation: { url: 'https://dash.cloudflare.com/?to=/:account/support', summary: `Case for ${request.user}: ${request.messageText ?? ''}`, checklist: ['HAR file'], audience: 'cloudflare-support' },
        transcript: [],
        hadConversation: false,
      })),
    close: async () => {},
  };
}

/** Wraps an engine and records every turn and hand-off the door sent it. */
export function spyOn(inner: SupportEngine): { engine: SupportEngine; turns: Turn[]; handoffs: { request: HandoffRequest; result: Handoff }[] } {
  const turns: Turn[] = [];
  const handoffs: { request: HandoffRequest; result: Handoff }[] = [];
  const engine: SupportEngine = {
    handle: async (turn) => {
      turns.push(turn);
      return inner.handle(turn);
    },
    codeSuggestions: (prefix, limit) => inner.codeSuggestions(prefix, limit),
    handoff: async (request) => {
      const result = await inner.handoff(request);
      handoffs.push({ request, result });
      return result;
    },
    close: () => inner.close(),
  };
  return { engine, turns, handoffs };
}

export function throwingEngine(): SupportEngine {
  return engineOf(async () => {
    throw new Error('knowledge index unavailable');
  });
}

/** Repeats the question verbatim, the way an answer might quote a user's URL or error text. */
export function echoEngine(): SupportEngine {
  return engineOf(async (turn) => [{ text: `You asked: ${turn.input.kind === 'text' ? turn.input.text : ''} and <!here> <@U999> <!subteam^S1|@support>` }]);
}

export const TREE = {
  firstQuestion: 'Is the hostname proxied (orange cloud)?',
  proxied: { id: 'proxied:yes', label: 'Yes, orange cloud' },
  notProxied: { id: 'proxied:no', label: 'No, grey cloud' },
  secondStep: 'Check Security > Events for the blocked request.',
  caseUrl: 'https://dash.cloudflare.com/?to=/:account/support',
} as const;

/** A two-step decision tree ending in an escalation offer and a "Did that solve it?" prompt. */
export function treeEngine(): SupportEngine {
  return engineOf(async (turn) => {
    if (turn.input.kind === 'text') {
      return [{ title: 'Error 1020 troubleshooting', text: TREE.firstQuestion, choices: [TREE.proxied, TREE.notProxied] }];
    }
    if (turn.input.kind === 'choice' && turn.input.choiceId === TREE.proxied.id) {
      return [
        {
          text: TREE.secondStep,
          escalation: { url: TREE.caseUrl, summary: 'Error 1020 on a proxied hostname', checklist: ['Ray ID'], audience: 'cloudflare-support' },
        },
        { text: 'Did that solve it?', choices: [{ id: 'solved:yes', label: 'Yes' }, { id: 'solved:no', label: 'No' }], feedback: true },
      ];
    }
    return [{ text: 'Thanks, noted.' }];
  });
}
