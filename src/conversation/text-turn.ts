import { normalizeInput } from '../safety/input-limits.ts';
import { redactSecrets } from '../safety/redact-secrets.ts';
import { answerPlan } from './answer-plan.ts';
import { answerQuestion } from './answer-question.ts';
import { escalate, restart } from './control-replies.ts';
import { STATUS_PAGE_ID, urlCheckChoice } from './diagnostics-replies.ts';
import { extractEvidence, mergeEvidence } from './evidence.ts';
import { onSolved } from './feedback-turn.ts';
import { solvedPrompt } from './flow-replies.ts';
import { continueFlowWithText, repeatQuestion } from './flow-turn.ts';
import { smallTalk, solvedAnswer, wantsHuman, wantsRestart } from './intents.ts';
import type { Reply } from './seam.ts';
import { isStatusQuestion } from './status-question.ts';
import { statusReplies } from './status-reply.ts';
import type { TurnContext } from './turn-context.ts';
import { withoutVisitorIps } from './visitor-ip.ts';
import type { Wording } from '../knowledge/wording.ts';
import { say } from '../knowledge/wording.ts';

/** Inside a tree, a reply of at most this many words answers the step; a longer one is a new question even without a code or another tree. */
const SHORT_REPLY_WORDS = 6;

/** Typed text (or /ask, /troubleshoot): read for intents and evidence, then answered; a fresh URL gets a live-check button. */
export async function onText(ctx: TurnContext, raw: string): Promise<Reply[]> {
  const before = ctx.state.facts.urls.length;
  const replies = await answerText(ctx, raw);
  // A URL the user just gave can be checked live, if the operator turned URL checks on.
  const { diagnostics } = ctx.deps;
  const freshUrls = ctx.state.facts.urls.slice(before);
  const check = diagnostics && freshUrls.length ? urlCheckChoice(ctx.deps.knowledge.wording, diagnostics, ctx.state.facts, { ...ctx.state.facts, urls: freshUrls }) : undefined;
  const last = replies.at(-1);
  if (check && last && !last.escalation) return [...replies.slice(0, -1), { ...last, choices: [...(last.choices ?? []), check] }];
  return replies;
}

async function answerText(ctx: TurnContext, raw: string): Promise<Reply[]> {
  const { deps, notices } = ctx;
  const { wording } = deps.knowledge;
  const normalized = normalizeInput(raw);
  if (!normalized.ok) return [{ text: normalized.message }];
  const redaction = redactSecrets(normalized.text);
  const text = withoutVisitorIps(redaction.text);
  ctx.userText = text;
  if (normalized.truncated) notices.push({ text: say(wording, 'readFirstPart') });
  if (redaction.found.length) {
    notices.push({ text: say(wording, 'removedSecrets', { found: [...new Set(redaction.found)].join(', ') }) });
  }
  const { state } = ctx;
  if (wantsRestart(text)) return restart(ctx);
  if (wantsHuman(text)) {
    state.facts = mergeEvidence(state.facts, extractEvidence(text, deps.knownCodes, deps.reading));
    return [escalate(ctx)];
  }
  const fresh = extractEvidence(text, deps.knownCodes, deps.reading);
  state.facts = mergeEvidence(state.facts, fresh);

  if (state.mode === 'feedback') {
    const solved = solvedAnswer(text);
    if (solved !== undefined) return onSolved(ctx, solved);
  }
  const talk = smallTalk(text);
  if (talk) return [smallTalkReply(wording, talk)];
  if (isStatusQuestion(text)) {
    const status = await statusReplies(deps.knowledge, deps.diagnostics, state.facts);
    // "Is Cloudflare down? I get a 522": the status page first, then the code's own answer.
    if (fresh.codes.length) return [...status, ...(await answerQuestion(ctx, text))];
    state.mode = 'feedback';
    state.flow = undefined;
    state.lastPage = { id: STATUS_PAGE_ID, title: say(wording, 'statusPageTitle') };
    return [...status, { text: say(wording, 'didThatSolveIt'), ...solvedPrompt(wording) }];
  }
  if (state.mode === 'flow' && state.flow) {
    const flow = deps.knowledge.flowById.get(state.flow.flowId);
    if (flow) {
      const inFlow = continueFlowWithText(ctx, flow, text);
      if (inFlow) return inFlow;
      const plan = answerPlan(deps.knowledge, text);
      const isNewQuestion = !plan.search.abstain && (plan.search.analysis.codes.length > 0 || plan.flow?.id !== flow.id || text.split(/\s+/).length > SHORT_REPLY_WORDS);
      if (!isNewQuestion) return [repeatQuestion(wording, flow, ctx.state)];
      notices.push({ text: say(wording, 'leftFlow', { title: flow.title }) });
      state.flow = undefined;
      state.mode = 'idle';
      return answerQuestion(ctx, text, plan);
    }
  }
  return answerQuestion(ctx, text);
}

function smallTalkReply(wording: Wording, kind: 'greeting' | 'help' | 'thanks'): Reply {
  if (kind === 'thanks') return { text: say(wording, 'welcome') };
  const usage = say(wording, 'usage');
  return { text: kind === 'greeting' ? say(wording, 'greeting', { usage }) : usage };
}
