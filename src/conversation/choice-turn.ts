import { chooseOption, startFlow } from '../flows/runner.ts';
import { answerPage } from './answer-question.ts';
import { carryTreeAnswers } from './carry-answers.ts';
import { parseChoice } from './choice-ids.ts';
import { escalate, restart, staleChoice } from './control-replies.ts';
import { runUrlCheck } from './diagnostics-replies.ts';
import { toFlowEvidence } from './evidence.ts';
import { onSolved } from './feedback-turn.ts';
import { onFlowStep } from './flow-turn.ts';
import { pendingStep } from './pending-step.ts';
import type { Reply } from './seam.ts';
import type { TurnContext } from './turn-context.ts';

/** A button pressed (or an option number typed in the terminal): only a choice the conversation is waiting for counts; anything else is stale. */
export async function onChoice(ctx: TurnContext, choiceId: string): Promise<Reply[]> {
  const choice = parseChoice(choiceId);
  const { state, deps } = ctx;
  const { knowledge } = deps;
  const stale = () => [staleChoice(knowledge.wording)];
  switch (choice.kind) {
    case 'restart':
      return restart(ctx);
    case 'escalate':
      return [escalate(ctx)];
    case 'solved':
      if (state.mode !== 'feedback') return stale();
      return onSolved(ctx, choice.solved);
    case 'flow-option': {
      const flow = knowledge.flowById.get(choice.flowId);
      if (!flow || state.mode !== 'flow' || state.flow?.flowId !== choice.flowId || state.flow.nodeId !== choice.nodeId) return stale();
      const step = chooseOption(flow, state.flow, choice.optionId, toFlowEvidence(state.facts));
      if (step.kind === 'invalid-option') return stale();
      return onFlowStep(ctx, flow, step);
    }
    case 'suggestion': {
      const page = state.mode === 'suggestions' ? knowledge.runtime.kb.pageById.get(state.suggestions[choice.index] ?? '') : undefined;
      if (!page) return stale();
      state.suggestions = [];
      return answerPage(ctx, page.id);
    }
    case 'start-flow': {
      const flow = knowledge.flowById.get(choice.flowId);
      if (!flow) return stale();
      const previous = state.flow ? knowledge.flowById.get(state.flow.flowId) : undefined;
      if (previous && state.flow) state.facts = carryTreeAnswers(previous, state.flow, state.facts);
      return onFlowStep(ctx, flow, startFlow(flow, toFlowEvidence(state.facts)));
    }
    case 'check-url': {
      const url = state.facts.urls[choice.index];
      if (!url || !deps.diagnostics?.checkUrl) return stale();
      const checked = await runUrlCheck(knowledge.wording, deps.diagnostics, url, state.facts);
      state.facts = checked.facts;
      const pending = pendingStep(knowledge, state);
      return pending ? [checked.reply, pending] : [checked.reply];
    }
    case 'unknown':
      return stale();
  }
}
