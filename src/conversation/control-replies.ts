import type { FlowStep } from '../flows/runner.ts';
import { CHOICE } from './choice-ids.ts';
import { escalationReply } from './escalation-reply.ts';
import type { Reply } from './seam.ts';
import { freshState } from './state.ts';
import type { Wording } from '../knowledge/wording.ts';
import type { TurnContext } from './turn-context.ts';
import { say } from '../knowledge/wording.ts';

/** Replies that work at any point of a conversation: start over, hand to a human, and "that button is stale". */

export function restart(ctx: TurnContext): Reply[] {
  ctx.state = freshState();
  return [{ text: say(ctx.deps.knowledge.wording, 'restarted') }];
}

export function escalate(ctx: TurnContext, flowNode?: Extract<FlowStep, { kind: 'escalate' }>['node']): Reply {
  const reply = escalationReply({ ...ctx.deps.escalation, knowledge: ctx.deps.knowledge }, ctx.state, flowNode);
  ctx.state.mode = 'closed';
  return reply;
}

export function staleChoice(wording: Wording): Reply {
  return {
    expired: true,
    text: say(wording, 'staleChoice'),
    choices: [{ id: CHOICE.restart, label: say(wording, 'startOver') }],
  };
}
