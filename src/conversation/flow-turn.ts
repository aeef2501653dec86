import { reasonText } from '../knowledge/reason.ts';
import { answerFromStatement, answerWithText, chooseOption, startFlow, type FlowStep } from '../flows/runner.ts';
import type { Flow } from '../flows/schema.ts';
import { CHOICE } from './choice-ids.ts';
import { escalate } from './control-replies.ts';
import { toFlowEvidence } from './evidence.ts';
import { flowStepReply } from './flow-replies.ts';
import type { Reply } from './seam.ts';
import type { ConversationState } from './state.ts';
import type { Wording } from '../knowledge/wording.ts';
import type { TurnContext } from './turn-context.ts';
import { say } from '../knowledge/wording.ts';

/** Moving through a decision tree: a step taken, a typed answer, a question asked again. */

export function onFlowStep(ctx: TurnContext, flow: Flow, step: FlowStep): Reply[] {
  ctx.state.flow = step.state;
  if (step.kind === 'escalate') {
    ctx.state.mode = 'closed';
    return [escalate(ctx, step.node)];
  }
  ctx.state.mode = step.kind === 'question' ? 'flow' : 'feedback';
  return [flowStepReply(ctx.deps.knowledge, flow, step)];
}

/** Starts a tree from what the user wrote: facts answer their questions, and so do their own words. */
export function startFlowFromText(ctx: TurnContext, flow: Flow, text: string): FlowStep {
  const evidence = toFlowEvidence(ctx.state.facts);
  return answerFromStatement(flow, startFlow(flow, evidence), text, evidence);
}

/** A typed reply to the current tree question, or evidence pasted that answers it; undefined if neither. */
export function continueFlowWithText(ctx: TurnContext, flow: Flow, text: string): Reply[] | undefined {
  const flowState = ctx.state.flow;
  if (!flowState) return undefined;
  const evidence = toFlowEvidence(ctx.state.facts);
  const step = answerWithText(flow, flowState, text, evidence);
  if (step.kind !== 'no-match') return onFlowStep(ctx, flow, step);
  const node = flow.nodes[flowState.nodeId];
  if (node?.type === 'question' && node.evidence && evidence[node.evidence]) {
    const known = evidence[node.evidence];
    const option = node.options.find((o) => [o.evidenceValue ?? []].flat().map((v) => v.toLowerCase()).includes(known?.value.toLowerCase() ?? ''));
    if (option) {
      const chosen = chooseOption(flow, flowState, option.id, evidence);
      if (chosen.kind !== 'invalid-option') {
        const note = { text: say(ctx.deps.knowledge.wording, 'tookAs', { because: known ? reasonText(ctx.deps.knowledge.wording, known.because) : undefined, question: node.text, answer: option.label }) };
        return [note, ...onFlowStep(ctx, flow, chosen)];
      }
    }
  }
  return undefined;
}

export function repeatQuestion(wording: Wording, flow: Flow, state: ConversationState): Reply {
  const node = state.flow ? flow.nodes[state.flow.nodeId] : undefined;
  if (node?.type !== 'question' || !state.flow) return { text: say(wording, 'pickAnOption') };
  return {
    title: flow.title,
    text: say(wording, 'didNotCatch', { question: node.text }),
    choices: node.options.map((o) => ({ id: CHOICE.flowOption(flow.id, state.flow?.nodeId ?? '', o.id), label: o.label })),
  };
}
