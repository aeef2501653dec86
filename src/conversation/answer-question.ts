import { reasonText } from '../knowledge/reason.ts';
import { startFlow } from '../flows/runner.ts';
import type { Flow } from '../flows/schema.ts';
import { answerCard } from './answer-card.ts';
import { answerPlan, type AnswerPlan } from './answer-plan.ts';
import { CHOICE, clipLabel } from './choice-ids.ts';
import { staleChoice } from './control-replies.ts';
import { liveStatusReply, STATUS_PAGE_ID } from './diagnostics-replies.ts';
import { isEvidenceOnly } from './evidence-only.ts';
import { toFlowEvidence } from './evidence.ts';
import { solvedPrompt } from './flow-replies.ts';
import { onFlowStep, startFlowFromText } from './flow-turn.ts';
import type { Reply } from './seam.ts';
import type { TurnContext } from './turn-context.ts';
import { say } from '../knowledge/wording.ts';

/** How many pages an unsure answer offers. */
const MAX_SUGGESTIONS = 3;

/**
 * A question answered from the docs: a page, a tree, the closest pages, or an
 * honest "not in the docs". `plan` when the caller already searched for this
 * text (leaving a tree), so it is not searched twice.
 */
export async function answerQuestion(ctx: TurnContext, text: string, plan: AnswerPlan = answerPlan(ctx.deps.knowledge, text)): Promise<Reply[]> {
  const { wording } = ctx.deps.knowledge;
  const replies = await answerFromPlan(ctx, text, plan);
  const language = plan.search.language;
  const [head, ...rest] = replies;
  if (!language || ctx.state.languageNoted || !head) return replies;
  // Said once per conversation: the docs, and so the answers, are in English.
  ctx.state.languageNoted = true;
  return [{ ...head, text: `${say(wording, 'languageNote', { language: language.name })}\n\n${head.text}` }, ...rest];
}

async function answerFromPlan(ctx: TurnContext, text: string, plan: AnswerPlan): Promise<Reply[]> {
  const { state } = ctx;
  const { knowledge } = ctx.deps;
  const { wording } = knowledge;
  const { search } = plan;
  state.firstQuestion ??= text;
  if (plan.code) state.code = plan.code;

  if (search.abstain) {
    if (plan.flow) return onFlowStep(ctx, plan.flow, startFlowFromText(ctx, plan.flow, text));
    if (state.facts.notes.length && !search.analysis.codes.length && isEvidenceOnly(text)) {
      return [{ text: say(wording, 'notedWhatSymptom', { notes: state.facts.notes.map((note) => reasonText(wording, note)).join('; ') }) }];
    }
    state.mode = 'idle';
    const scope = search.outOfScope;
    ctx.outcome = scope ? 'out_of_scope' : 'abstained';
    const head = scope
      ? say(wording, 'outsideScope', { topic: scope.topic, pointer: scope.pointer })
      : say(wording, 'notInDocs');
    const community = say(wording, 'askCommunity', { communityUrl: ctx.deps.escalation.support.links.community });
    const scopePage = scope?.page ? knowledge.runtime.kb.pageById.get(scope.page) : undefined;
    return [{
      text: `${head}\n\n${community}`,
      ...(scopePage ? { sources: [{ title: scopePage.title, url: scopePage.url }] } : {}),
      choices: [{ id: CHOICE.escalate, label: say(wording, 'talkToHuman') }, { id: CHOICE.restart, label: say(wording, 'startOver') }],
    }];
  }

  // A symptom that names a tree ("too many redirects", "why am I blocked") but no page squarely:
  // the tree's cited steps beat a loose card or a list of guesses.
  const firstHit = search.docs[0];
  if (plan.flow && !plan.code && (search.outcome === 'suggest' || firstHit?.why === 'text')) return onFlowStep(ctx, plan.flow, startFlowFromText(ctx, plan.flow, text));
  // On topic but unsure (the answer policy's middle outcome): the closest pages, and a person.
  const options = search.docs.filter((d) => d.kind === 'docs').slice(0, MAX_SUGGESTIONS);
  if (search.outcome === 'suggest' && options.length) {
    state.mode = 'suggestions';
    state.suggestions = options.map((d) => d.id);
    return [{
      text: say(wording, 'notSureWhich'),
      choices: [...options.map((d, i) => ({ id: CHOICE.suggestion(i), label: clipLabel(d.title) })), { id: CHOICE.escalate, label: say(wording, 'noneOfThese') }],
      sources: options.map((d) => ({ title: d.title, url: d.section ? `${d.url}#${d.section.anchor}` : d.url })),
    }];
  }
  const [first] = search.docs;
  if (!first) return [{ text: say(wording, 'describeError') }];
  if (first.kind !== 'docs') {
    state.mode = 'feedback';
    return [{ title: first.title, text: say(wording, 'blogPost'), sources: [{ title: first.title, url: first.url }], ...solvedPrompt(wording) }];
  }
  return answerPage(ctx, first.id, first.section?.anchor, plan.flow, text);
}

/** One docs page as an answer card, then its tree's first question or "Did that solve it?". */
export async function answerPage(ctx: TurnContext, pageId: string, anchor?: string, flow?: Flow, text?: string): Promise<Reply[]> {
  const { deps, state } = ctx;
  const { wording } = deps.knowledge;
  const page = deps.knowledge.runtime.kb.pageById.get(pageId);
  if (!page) return [staleChoice(wording)];
  state.lastPage = { id: page.id, title: page.title };
  const card = answerCard(page, anchor);
  if (flow) {
    const step = text ? startFlowFromText(ctx, flow, text) : startFlow(flow, toFlowEvidence(state.facts));
    return [card, ...onFlowStep(ctx, flow, step)];
  }
  state.mode = 'feedback';
  state.flow = undefined;
  const live = page.id === STATUS_PAGE_ID && deps.diagnostics ? await liveStatusReply(wording, deps.diagnostics, state.facts) : undefined;
  const solved = say(wording, 'didThatSolveIt');
  if (!live) return [{ ...card, text: `${card.text}\n\n${solved}`, ...solvedPrompt(wording) }];
  return [card, live, { text: solved, ...solvedPrompt(wording) }];
}
