import type { ConversationState } from '../conversation/state.ts';
import type { TurnOutcome, TurnReport } from './turn-report.ts';

export type TreeEnd = { tree: string; node: string; how: 'solved' | 'escalated' | 'handed_over' | 'abandoned' };
export type EscalationReason = 'asked' | 'not_solved' | 'tree_end';

/** A turn reduced to bounded facts: ids the knowledge defines, never the user's words. */
export type TurnSummary = {
  outcome: TurnOutcome;
  /** Docs page answered outside a tree. */
  page?: string;
  /** Tree and node the conversation is at after the turn, while it is in a tree. */
  tree?: string;
  node?: string;
  treeStarted?: string;
  treeEnded?: TreeEnd;
  escalation?: { reason: EscalationReason; audience: string };
};

const QUESTION_OUTCOMES: ReadonlySet<TurnOutcome> = new Set(['suggested', 'abstained', 'out_of_scope']);

/** Outcomes worth keeping the (redacted) question for: what the knowledge failed to answer squarely. */
export function keepsQuestion(outcome: TurnOutcome): boolean {
  return QUESTION_OUTCOMES.has(outcome);
}

function treeOf(state: ConversationState): ConversationState['flow'] {
  return state.flow && (state.mode === 'flow' || state.mode === 'feedback') ? state.flow : undefined;
}

/** Derives what a turn did from the state before and after and the replies, so the engine only has to report. */
export function classifyTurn(report: TurnReport): TurnSummary {
  const { before, after, replies, turn } = report;
  const choice = turn.input.kind === 'choice' ? turn.input.choiceId : undefined;
  const escalation = replies.find((r) => r.escalation)?.escalation;
  const treeBefore = treeOf(before);
  const treeAfter = treeOf(after);
  const summary: TurnSummary = { outcome: 'other' };

  const newFlow = after.flow && after.flow !== undefined && (!treeBefore || treeBefore.flowId !== after.flow.flowId);
  const closedNow = after.mode === 'closed' && before.mode !== 'closed';
  if (newFlow && after.flow && (treeAfter || (closedNow && escalation && !treeBefore))) summary.treeStarted = after.flow.flowId;
  const startedAndEscalated = summary.treeStarted && after.mode === 'closed' && after.flow;
  if (treeBefore) {
    const stays = treeAfter && treeAfter.flowId === treeBefore.flowId;
    if (after.mode === 'closed') summary.treeEnded = { tree: treeBefore.flowId, node: after.flow?.nodeId ?? treeBefore.nodeId, how: escalation ? 'escalated' : 'solved' };
    else if (!stays) summary.treeEnded = { tree: treeBefore.flowId, node: treeBefore.nodeId, how: treeAfter && choice?.startsWith('flow:') ? 'handed_over' : 'abandoned' };
  } else if (startedAndEscalated && after.flow) {
    summary.treeEnded = { tree: after.flow.flowId, node: after.flow.nodeId, how: 'escalated' };
  }
  if (treeAfter) {
    summary.tree = treeAfter.flowId;
    summary.node = treeAfter.nodeId;
  }

  if (escalation) {
    const asked = choice === 'escalate' || (turn.input.kind === 'command' && turn.input.name === 'escalate');
    const notSolved = choice === 'solved:no' || (before.mode === 'feedback' && !asked);
    const treeMoved = after.flow !== undefined && after.flow.nodeId !== before.flow?.nodeId;
    summary.escalation = { reason: asked ? 'asked' : notSolved ? 'not_solved' : treeMoved ? 'tree_end' : 'asked', audience: escalation.audience };
  }

  const pageChanged = after.lastPage !== undefined && (after.lastPage.id !== before.lastPage?.id || (after.mode === 'feedback' && !after.flow && before.mode !== 'feedback'));
  if (report.outcome) summary.outcome = report.outcome;
  else if (escalation) summary.outcome = 'escalated';
  else if (replies.some((r) => r.expired)) summary.outcome = 'stale';
  else if (after.mode === 'suggestions' && after.suggestions.length) summary.outcome = 'suggested';
  else if (choice?.startsWith('solved:') || (before.mode === 'feedback' && after.mode === 'closed')) summary.outcome = 'feedback';
  else if (pageChanged && after.lastPage) summary.outcome = 'answered';
  else if (treeAfter) summary.outcome = after.mode === 'feedback' ? 'answered' : 'tree_step';
  else if (after.mode === 'feedback' && before.mode !== 'feedback') summary.outcome = 'answered';
  if (summary.outcome === 'answered' && pageChanged && after.lastPage) summary.page = after.lastPage.id;
  return summary;
}
