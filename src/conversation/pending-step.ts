import type { EngineKnowledge } from '../engine-knowledge.ts';
import { CHOICE, clipLabel } from './choice-ids.ts';
import { solvedPrompt } from './flow-replies.ts';
import { repeatQuestion } from './flow-turn.ts';
import type { Reply } from './seam.ts';
import type { ConversationState } from './state.ts';
import { say } from '../knowledge/wording.ts';

/** The question or prompt the conversation is waiting on, if any (re-shown after a reconnect or a URL check). */
export function pendingStep(knowledge: EngineKnowledge, state: ConversationState): Reply | undefined {
  const { wording } = knowledge;
  const flow = state.flow ? knowledge.flowById.get(state.flow.flowId) : undefined;
  const node = flow && state.flow ? flow.nodes[state.flow.nodeId] : undefined;
  if (state.mode === 'flow' && flow && node?.type === 'question') {
    return { ...repeatQuestion(wording, flow, state), text: node.text };
  }
  if (state.mode === 'feedback') {
    const topic = node?.type === 'answer' ? node.title : state.lastPage?.title;
    return { text: say(wording, 'lastSuggested', { topic: topic ?? say(wording, 'stepsAbove') }), ...solvedPrompt(wording) };
  }
  if (state.mode === 'suggestions' && state.suggestions.length) {
    const pages = state.suggestions.map((id) => knowledge.runtime.kb.pageById.get(id)).filter((p) => p !== undefined);
    return { text: say(wording, 'whichMatches'), choices: pages.map((p, i) => ({ id: CHOICE.suggestion(i), label: clipLabel(p.title) })) };
  }
  return undefined;
}
