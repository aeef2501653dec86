import { notSolved } from '../flows/runner.ts';
import { conversationKey } from '../store/conversation-record.ts';
import { escalate } from './control-replies.ts';
import { toFlowEvidence } from './evidence.ts';
import { notSolvedWords } from './flow-replies.ts';
import { onFlowStep } from './flow-turn.ts';
import type { Reply } from './seam.ts';
import type { TurnContext } from './turn-context.ts';
import { say } from '../knowledge/wording.ts';

/** "Did that solve it?" answered: recorded as feedback; no goes to the tree's next step or to a human. */
export async function onSolved(ctx: TurnContext, solved: boolean): Promise<Reply[]> {
  const { state, turn, deps } = ctx;
  const { wording } = deps.knowledge;
  const key = conversationKey(turn.conversation.platform, turn.conversation.id);
  const pageId = state.lastPage?.id ?? state.flow?.flowId;
  await deps.store.recordFeedback({ key, helpful: solved, ...(pageId ? { pageId } : {}), at: deps.clock().toISOString() });
  if (solved) {
    state.mode = 'closed';
    return [{ text: say(wording, 'gladSolved') }];
  }
  if (state.flow) {
    const flow = deps.knowledge.flowById.get(state.flow.flowId);
    const node = flow?.nodes[state.flow.nodeId];
    if (node?.type === 'answer') state.tried.push(node.title);
    if (flow) return onFlowStep(ctx, flow, notSolved(flow, state.flow, notSolvedWords(wording), toFlowEvidence(state.facts)));
  }
  if (state.lastPage) state.tried.push(say(wording, 'followedDocsPage', { title: state.lastPage.title }));
  return [escalate(ctx)];
}
