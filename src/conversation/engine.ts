import type { EngineKnowledge } from '../engine-knowledge.ts';
import { answerFromStatement, answerWithText, chooseOption, notSolved, startFlow, type FlowStep } from '../flows/runner.ts';
import type { Flow } from '../flows/schema.ts';
import type { Logger } from '../log.ts';
import { normalizeInput } from '../safety/input-limits.ts';
import { redactSecrets } from '../safety/redact-secrets.ts';
import { conversationKey } from '../store/conversation-record.ts';
import type { ConversationStore } from '../store/conversation-store.ts';
import { isExpired } from '../store/expiry.ts';
import type { StatedOutcome, TurnObserver } from '../observability/turn-report.ts';
import { inTurnScope } from '../observability/turn-scope.ts';
import { answerCard } from './answer-card.ts';
import { codeSuggestions } from './autocomplete.ts';
import { buildHandoff } from './handoff.ts';
import { RetentionPurge } from './retention.ts';
import { answerPlan, type AnswerPlan } from './answer-plan.ts';
import { carryTreeAnswers } from './carry-answers.ts';
import { CHOICE, clipLabel, parseChoice } from './choice-ids.ts';
import { liveStatusReply, runUrlCheck, STATUS_PAGE_ID, urlCheckChoice, type Diagnostics } from './diagnostics-replies.ts';
import { escalationReply, type EscalationContext } from './escalation-reply.ts';
import { isEvidenceOnly } from './evidence-only.ts';
import { extractEvidence, mergeEvidence, toFlowEvidence, type ExtractOptions } from './evidence.ts';
import { flowStepReply, SOLVED_PROMPT } from './flow-replies.ts';
import { smallTalk, solvedAnswer, wantsHuman, wantsRestart } from './intents.ts';
import { statusReplies } from './status-reply.ts';
import { isStatusQuestion } from './status-question.ts';
import { conversationStateSchema, freshState, type ConversationState } from './state.ts';
import { withoutVisitorIps } from './visitor-ip.ts';
import { WORDING } from './wording.ts';
import { turnSchema, type ConversationRef, type Handoff, type HandoffRequest, type Reply, type SupportEngine, type TranscriptEntry, type Turn } from './seam.ts';

/** Per-user and per-channel limits (src/safety/rate-limit.ts); a refusal without a notice is answered with silence. */
export type RateCheck = (conversation: ConversationRef) => Promise<{ allowed: boolean; notice?: string }>;

export type EngineDeps = {
  knowledge: EngineKnowledge;
  store: ConversationStore;
  escalation: Omit<EscalationContext, 'knowledge'>;
  ttlMinutes: number;
  logger: Logger;
  clock?: () => Date;
  rateCheck?: RateCheck;
  diagnostics?: Diagnostics;
  /** Told the outcome of every stored turn (metrics, turn log, report); never changes a reply. */
  observer?: TurnObserver;
};

/** One turn's working set: the state is mutated in place and saved once at the end. */
type TurnContext = { turn: Turn; state: ConversationState; userText?: string; outcome?: StatedOutcome };

const RESTART_TEXT = WORDING.restarted;
const TRANSCRIPT_TEXT_LIMIT = 600;
/** Inside a tree, a reply of at most this many words answers the step; a longer one is a new question even without a code or another tree. */
const SHORT_REPLY_WORDS = 6;
/** How many pages an unsure answer offers. */
const MAX_SUGGESTIONS = 3;

export class ConversationEngine implements SupportEngine {
  private readonly clock: () => Date;
  private knownCodes: ReadonlySet<string>;
  /** Every message is read against every tree question, so a stated answer is never asked again. */
  private reading: ExtractOptions;
  private readonly retention: RetentionPurge;

  constructor(private deps: EngineDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.retention = new RetentionPurge(deps.store, deps.logger, this.clock);
    this.knownCodes = new Set(deps.knowledge.runtime.kb.codes.keys());
    this.reading = { flows: deps.knowledge.flows };
  }

  /** Swaps in re-validated knowledge in one assignment; turns already running finish on what they started with where they hold it. */
  replaceKnowledge(next: Pick<EngineDeps, 'knowledge' | 'escalation'>): void {
    this.deps = { ...this.deps, ...next };
    this.knownCodes = new Set(next.knowledge.runtime.kb.codes.keys());
    this.reading = { flows: next.knowledge.flows };
  }

  async handle(rawTurn: Turn): Promise<Reply[]> {
    const parsed = turnSchema.safeParse(rawTurn);
    if (!parsed.success) return [{ text: WORDING.unreadable }];
    const turn = parsed.data;
    const limit = await this.deps.rateCheck?.(turn.conversation);
    if (limit && !limit.allowed) return limit.notice ? [{ text: limit.notice }] : [];
    const key = conversationKey(turn.conversation.platform, turn.conversation.id);
    this.retention.runIfDue();
    if (turn.input.kind === 'command' && turn.input.name === 'resume') return this.deps.store.withTurnLock(key, () => this.resumeReadOnly(key));
    return inTurnScope(key, () => this.deps.store.withTurnLock(key, () => this.handleInOrder(turn, key)));
  }

  /** A door reconnecting asks what is pending; asking must not create or extend a conversation. */
  private async resumeReadOnly(key: string): Promise<Reply[]> {
    const record = await this.deps.store.get(key);
    if (!record || isExpired(record, this.clock(), this.deps.ttlMinutes * 60_000)) return [];
    const state = conversationStateSchema.safeParse(record.state);
    if (!state.success) return [];
    const pending = this.pendingStep(state.data);
    return pending ? [{ text: WORDING.welcomeBack }, pending] : [];
  }

  private async handleInOrder(turn: Turn, key: string): Promise<Reply[]> {
    const started = performance.now();
    const now = this.clock();
    const record = await this.deps.store.get(key);
    const ttlMs = this.deps.ttlMinutes * 60_000;
    const expired = record !== undefined && isExpired(record, now, ttlMs);
    const stored = record && !expired ? conversationStateSchema.safeParse(record.state) : undefined;
    const state = stored?.success ? stored.data : freshState();
    let transcript: TranscriptEntry[] = record && !expired ? record.transcript : [];
    const notices: Reply[] = [];

    if (expired && turn.input.kind === 'choice') {
      await this.save(turn, key, freshState(), [], record?.createdAt);
      return [{ text: WORDING.expiredChoice(this.deps.ttlMinutes), expired: true }];
    }
    if (expired) notices.push({ text: WORDING.expiredFresh(this.deps.ttlMinutes) });

    const ctx: TurnContext = { turn, state };
    const before = structuredClone(state);
    const observe = (replies: Reply[]) => this.observe({ turn, key, before, after: ctx.state, replies, userText: ctx.userText, outcome: ctx.outcome, latencyMs: performance.now() - started, at: now });
    let replies: Reply[];
    try {
      replies = await this.dispatch(ctx, notices);
    } catch (error) {
      this.deps.logger.error({ err: error, conversation: key }, 'engine turn failed');
      const sorry = [{ text: WORDING.engineApology }];
      ctx.outcome = 'error';
      await observe(sorry);
      return sorry;
    }
    const at = now.toISOString();
    if (ctx.userText !== undefined) transcript = [...transcript, { role: 'user', text: ctx.userText.slice(0, TRANSCRIPT_TEXT_LIMIT), at }];
    else transcript = [...transcript, { role: 'user', text: describeInput(turn), at }];
    for (const r of replies) transcript.push({ role: 'bot', text: `${r.title ? `${r.title}: ` : ''}${r.text}`.slice(0, TRANSCRIPT_TEXT_LIMIT), at });
    await this.save(turn, key, ctx.state, transcript, record && !expired ? record.createdAt : undefined);
    await observe(replies);
    return [...dedupeNotices(notices), ...replies];
  }

  private async observe(report: Parameters<TurnObserver>[0]): Promise<void> {
    try {
      await this.deps.observer?.(report);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'turn observer failed');
    }
  }

  private async save(turn: Turn, key: string, state: ConversationState, transcript: TranscriptEntry[], createdAt?: string) {
    const now = this.clock().toISOString();
    await this.deps.store.put({
      key,
      platform: turn.conversation.platform,
      conversationId: turn.conversation.id,
      user: turn.conversation.user,
      state,
      transcript,
      createdAt: createdAt ?? now,
      updatedAt: now,
    });
  }

  private async dispatch(ctx: TurnContext, notices: Reply[]): Promise<Reply[]> {
    const { input } = ctx.turn;
    if (input.kind === 'command') {
      switch (input.name) {
        case 'restart':
          return this.restart(ctx);
        case 'escalate':
          return [this.escalate(ctx)];
        case 'troubleshoot': {
          const code = (input.args.code ?? '').trim();
          return this.onText(ctx, code ? `error ${code}` : '', notices);
        }
        case 'ask':
          return this.onText(ctx, input.args.question ?? '', notices);
        case 'resume':
          return []; // handled read-only before the turn is stored
      }
    }
    if (input.kind === 'choice') return this.onChoice(ctx, input.choiceId);
    return this.onText(ctx, input.text, notices);
  }

  /** Re-shows the step a conversation is waiting on (a door reconnecting after a restart); nothing if none. */
  /** The question or prompt the conversation is waiting on, if any. */
  private pendingStep(state: ConversationState): Reply | undefined {
    const flow = state.flow ? this.deps.knowledge.flowById.get(state.flow.flowId) : undefined;
    const node = flow && state.flow ? flow.nodes[state.flow.nodeId] : undefined;
    if (state.mode === 'flow' && flow && node?.type === 'question') {
      return { ...this.repeatQuestion(flow, state), text: node.text };
    }
    if (state.mode === 'feedback') {
      const topic = node?.type === 'answer' ? node.title : state.lastPage?.title;
      return { text: WORDING.lastSuggested(topic ?? WORDING.stepsAbove), ...SOLVED_PROMPT };
    }
    if (state.mode === 'suggestions' && state.suggestions.length) {
      const pages = state.suggestions.map((id) => this.deps.knowledge.runtime.kb.pageById.get(id)).filter((p) => p !== undefined);
      return { text: WORDING.whichMatches, choices: pages.map((p, i) => ({ id: CHOICE.suggestion(i), label: clipLabel(p.title) })) };
    }
    return undefined;
  }

  private restart(ctx: TurnContext): Reply[] {
    ctx.state = freshState();
    return [{ text: RESTART_TEXT }];
  }

  private escalate(ctx: TurnContext, flowNode?: Extract<FlowStep, { kind: 'escalate' }>['node']): Reply {
    const reply = escalationReply({ ...this.deps.escalation, knowledge: this.deps.knowledge }, ctx.state, flowNode);
    ctx.state.mode = 'closed';
    return reply;
  }

  private async onChoice(ctx: TurnContext, choiceId: string): Promise<Reply[]> {
    const choice = parseChoice(choiceId);
    const { state } = ctx;
    switch (choice.kind) {
      case 'restart':
        return this.restart(ctx);
      case 'escalate':
        return [this.escalate(ctx)];
      case 'solved':
        if (state.mode !== 'feedback') return [staleChoice()];
        return this.onSolved(ctx, choice.solved);
      case 'flow-option': {
        const flow = this.deps.knowledge.flowById.get(choice.flowId);
        if (!flow || state.mode !== 'flow' || state.flow?.flowId !== choice.flowId || state.flow.nodeId !== choice.nodeId) return [staleChoice()];
        const step = chooseOption(flow, state.flow, choice.optionId, toFlowEvidence(state.facts));
        if (step.kind === 'invalid-option') return [staleChoice()];
        return this.onFlowStep(ctx, flow, step);
      }
      case 'suggestion': {
        const page = state.mode === 'suggestions' ? this.deps.knowledge.runtime.kb.pageById.get(state.suggestions[choice.index] ?? '') : undefined;
        if (!page) return [staleChoice()];
        state.suggestions = [];
        return this.answerPage(ctx, page.id);
      }
      case 'start-flow': {
        const flow = this.deps.knowledge.flowById.get(choice.flowId);
        if (!flow) return [staleChoice()];
        const previous = state.flow ? this.deps.knowledge.flowById.get(state.flow.flowId) : undefined;
        if (previous && state.flow) state.facts = carryTreeAnswers(previous, state.flow, state.facts);
        return this.onFlowStep(ctx, flow, startFlow(flow, toFlowEvidence(state.facts)));
      }
      case 'check-url': {
        const url = state.facts.urls[choice.index];
        if (!url || !this.deps.diagnostics?.checkUrl) return [staleChoice()];
        const checked = await runUrlCheck(this.deps.diagnostics, url, state.facts);
        state.facts = checked.facts;
        const pending = this.pendingStep(state);
        return pending ? [checked.reply, pending] : [checked.reply];
      }
      case 'unknown':
        return [staleChoice()];
    }
  }

  private async onText(ctx: TurnContext, raw: string, notices: Reply[]): Promise<Reply[]> {
    const before = ctx.state.facts.urls.length;
    const replies = await this.answerText(ctx, raw, notices);
    // A URL the user just gave can be checked live, if the operator turned URL checks on.
    const freshUrls = ctx.state.facts.urls.slice(before);
    const check = this.deps.diagnostics && freshUrls.length ? urlCheckChoice(this.deps.diagnostics, ctx.state.facts, { ...ctx.state.facts, urls: freshUrls }) : undefined;
    const last = replies.at(-1);
    if (check && last && !last.escalation) return [...replies.slice(0, -1), { ...last, choices: [...(last.choices ?? []), check] }];
    return replies;
  }

  private async answerText(ctx: TurnContext, raw: string, notices: Reply[]): Promise<Reply[]> {
    const normalized = normalizeInput(raw);
    if (!normalized.ok) return [{ text: normalized.message }];
    const redaction = redactSecrets(normalized.text);
    const text = withoutVisitorIps(redaction.text);
    ctx.userText = text;
    if (normalized.truncated) notices.push({ text: WORDING.readFirstPart });
    if (redaction.found.length) {
      notices.push({ text: WORDING.removedSecrets([...new Set(redaction.found)].join(', ')) });
    }
    const { state } = ctx;
    if (wantsRestart(text)) return this.restart(ctx);
    if (wantsHuman(text)) {
      state.facts = mergeEvidence(state.facts, extractEvidence(text, this.knownCodes, this.reading));
      return [this.escalate(ctx)];
    }
    const fresh = extractEvidence(text, this.knownCodes, this.reading);
    state.facts = mergeEvidence(state.facts, fresh);

    if (state.mode === 'feedback') {
      const solved = solvedAnswer(text);
      if (solved !== undefined) return this.onSolved(ctx, solved);
    }
    const talk = smallTalk(text);
    if (talk) return [smallTalkReply(talk)];
    if (isStatusQuestion(text)) {
      const status = await statusReplies(this.deps.knowledge, this.deps.diagnostics, state.facts);
      // "Is Cloudflare down? I get a 522": the status page first, then the code's own answer.
      if (fresh.codes.length) return [...status, ...(await this.answerQuestion(ctx, text))];
      state.mode = 'feedback';
      state.flow = undefined;
      state.lastPage = { id: STATUS_PAGE_ID, title: 'Cloudflare Status' };
      return [...status, { text: WORDING.didThatSolveIt, ...SOLVED_PROMPT }];
    }
    if (state.mode === 'flow' && state.flow) {
      const flow = this.deps.knowledge.flowById.get(state.flow.flowId);
      if (flow) {
        const inFlow = this.continueFlowWithText(ctx, flow, text);
        if (inFlow) return inFlow;
        const plan = answerPlan(this.deps.knowledge, text);
        const isNewQuestion = !plan.search.abstain && (plan.search.analysis.codes.length > 0 || plan.flow?.id !== flow.id || text.split(/\s+/).length > SHORT_REPLY_WORDS);
        if (!isNewQuestion) return [this.repeatQuestion(flow, ctx.state)];
        notices.push({ text: WORDING.leftFlow(flow.title) });
        state.flow = undefined;
        state.mode = 'idle';
        return this.answerQuestion(ctx, text, plan);
      }
    }
    return this.answerQuestion(ctx, text);
  }

  /** A typed reply to the current tree question, or evidence pasted that answers it; undefined if neither. */
  private continueFlowWithText(ctx: TurnContext, flow: Flow, text: string): Reply[] | undefined {
    const flowState = ctx.state.flow;
    if (!flowState) return undefined;
    const evidence = toFlowEvidence(ctx.state.facts);
    const step = answerWithText(flow, flowState, text, evidence);
    if (step.kind !== 'no-match') return this.onFlowStep(ctx, flow, step);
    const node = flow.nodes[flowState.nodeId];
    if (node?.type === 'question' && node.evidence && evidence[node.evidence]) {
      const known = evidence[node.evidence];
      const option = node.options.find((o) => [o.evidenceValue ?? []].flat().map((v) => v.toLowerCase()).includes(known?.value.toLowerCase() ?? ''));
      if (option) {
        const chosen = chooseOption(flow, flowState, option.id, evidence);
        if (chosen.kind !== 'invalid-option') {
          const note = { text: WORDING.tookAs(known?.because, node.text, option.label) };
          return [note, ...this.onFlowStep(ctx, flow, chosen)];
        }
      }
    }
    return undefined;
  }

  private repeatQuestion(flow: Flow, state: ConversationState): Reply {
    const node = state.flow ? flow.nodes[state.flow.nodeId] : undefined;
    if (node?.type !== 'question' || !state.flow) return { text: WORDING.pickAnOption };
    return {
      title: flow.title,
      text: WORDING.didNotCatch(node.text),
      choices: node.options.map((o) => ({ id: CHOICE.flowOption(flow.id, state.flow?.nodeId ?? '', o.id), label: o.label })),
    };
  }

  private onFlowStep(ctx: TurnContext, flow: Flow, step: FlowStep): Reply[] {
    ctx.state.flow = step.state;
    if (step.kind === 'escalate') {
      ctx.state.mode = 'closed';
      return [this.escalate(ctx, step.node)];
    }
    ctx.state.mode = step.kind === 'question' ? 'flow' : 'feedback';
    return [flowStepReply(this.deps.knowledge, flow, step)];
  }

  private async onSolved(ctx: TurnContext, solved: boolean): Promise<Reply[]> {
    const { state, turn } = ctx;
    const key = conversationKey(turn.conversation.platform, turn.conversation.id);
    const pageId = state.lastPage?.id ?? state.flow?.flowId;
    await this.deps.store.recordFeedback({ key, helpful: solved, ...(pageId ? { pageId } : {}), at: this.clock().toISOString() });
    if (solved) {
      state.mode = 'closed';
      return [{ text: WORDING.gladSolved }];
    }
    if (state.flow) {
      const flow = this.deps.knowledge.flowById.get(state.flow.flowId);
      const node = flow?.nodes[state.flow.nodeId];
      if (node?.type === 'answer') state.tried.push(node.title);
      if (flow) return this.onFlowStep(ctx, flow, notSolved(flow, state.flow, toFlowEvidence(state.facts)));
    }
    if (state.lastPage) state.tried.push(`Followed the docs page “${state.lastPage.title}”`);
    return [this.escalate(ctx)];
  }

  /** `plan` when the caller already searched for this text (leaving a tree), so it is not searched twice. */
  private async answerQuestion(ctx: TurnContext, text: string, plan: AnswerPlan = answerPlan(this.deps.knowledge, text)): Promise<Reply[]> {
    const replies = await this.answerFromPlan(ctx, text, plan);
    const language = plan.search.language;
    const [head, ...rest] = replies;
    if (!language || ctx.state.languageNoted || !head) return replies;
    // Said once per conversation: the docs, and so the answers, are in English.
    ctx.state.languageNoted = true;
    return [{ ...head, text: `${WORDING.languageNote(language.name)}\n\n${head.text}` }, ...rest];
  }

  private async answerFromPlan(ctx: TurnContext, text: string, plan: AnswerPlan): Promise<Reply[]> {
    const { state } = ctx;
    const knowledge = this.deps.knowledge;
    const { search } = plan;
    state.firstQuestion ??= text;
    if (plan.code) state.code = plan.code;

    if (search.abstain) {
      if (plan.flow) return this.onFlowStep(ctx, plan.flow, this.startFlowFromText(ctx, plan.flow, text));
      if (state.facts.notes.length && !search.analysis.codes.length && isEvidenceOnly(text)) {
        return [{ text: WORDING.notedWhatSymptom(state.facts.notes.join('; ')) }];
      }
      state.mode = 'idle';
      const scope = search.outOfScope;
      ctx.outcome = scope ? 'out_of_scope' : 'abstained';
      const head = scope
        ? WORDING.outsideScope(scope.topic, scope.pointer)
        : WORDING.notInDocs;
      const community = WORDING.askCommunity(this.deps.escalation.support.links.community);
      const scopePage = scope?.page ? knowledge.runtime.kb.pageById.get(scope.page) : undefined;
      return [{
        text: `${head}\n\n${community}`,
        ...(scopePage ? { sources: [{ title: scopePage.title, url: scopePage.url }] } : {}),
        choices: [{ id: CHOICE.escalate, label: WORDING.talkToHuman }, { id: CHOICE.restart, label: WORDING.startOver }],
      }];
    }

    // A symptom that names a tree ("too many redirects", "why am I blocked") but no page squarely:
    // the tree's cited steps beat a loose card or a list of guesses.
    const firstHit = search.docs[0];
    if (plan.flow && !plan.code && (search.outcome === 'suggest' || firstHit?.why === 'text')) return this.onFlowStep(ctx, plan.flow, this.startFlowFromText(ctx, plan.flow, text));
    // On topic but unsure (the answer policy's middle outcome): the closest pages, and a person.
    const options = search.docs.filter((d) => d.kind === 'docs').slice(0, MAX_SUGGESTIONS);
    if (search.outcome === 'suggest' && options.length) {
      state.mode = 'suggestions';
      state.suggestions = options.map((d) => d.id);
      return [{
        text: WORDING.notSureWhich,
        choices: [...options.map((d, i) => ({ id: CHOICE.suggestion(i), label: clipLabel(d.title) })), { id: CHOICE.escalate, label: WORDING.noneOfThese }],
        sources: options.map((d) => ({ title: d.title, url: d.section ? `${d.url}#${d.section.anchor}` : d.url })),
      }];
    }
    const [first] = search.docs;
    if (!first) return [{ text: WORDING.describeError }];
    if (first.kind !== 'docs') {
      state.mode = 'feedback';
      return [{ title: first.title, text: WORDING.blogPost, sources: [{ title: first.title, url: first.url }], ...SOLVED_PROMPT }];
    }
    return this.answerPage(ctx, first.id, first.section?.anchor, plan.flow, text);
  }

  /** Starts a tree from what the user wrote: facts answer their questions, and so do their own words. */
  private startFlowFromText(ctx: TurnContext, flow: Flow, text: string): FlowStep {
    const evidence = toFlowEvidence(ctx.state.facts);
    return answerFromStatement(flow, startFlow(flow, evidence), text, evidence);
  }

  private async answerPage(ctx: TurnContext, pageId: string, anchor?: string, flow?: Flow, text?: string): Promise<Reply[]> {
    const page = this.deps.knowledge.runtime.kb.pageById.get(pageId);
    if (!page) return [staleChoice()];
    const { state } = ctx;
    state.lastPage = { id: page.id, title: page.title };
    const card = answerCard(page, anchor);
    if (flow) {
      const step = text ? this.startFlowFromText(ctx, flow, text) : startFlow(flow, toFlowEvidence(state.facts));
      return [card, ...this.onFlowStep(ctx, flow, step)];
    }
    state.mode = 'feedback';
    state.flow = undefined;
    const live = page.id === STATUS_PAGE_ID && this.deps.diagnostics ? await liveStatusReply(this.deps.diagnostics, state.facts) : undefined;
    if (!live) return [{ ...card, text: `${card.text}\n\n${WORDING.didThatSolveIt}`, ...SOLVED_PROMPT }];
    return [card, live, { text: WORDING.didThatSolveIt, ...SOLVED_PROMPT }];
  }

  codeSuggestions(prefix: string, limit?: number): { code: string; title: string }[] {
    return codeSuggestions(this.deps.knowledge, prefix, limit);
  }

  handoff(request: HandoffRequest): Promise<Handoff> {
    const { store, knowledge, escalation } = this.deps;
    return buildHandoff({ store, knowledge, escalation, knownCodes: this.knownCodes, reading: this.reading }, request);
  }

  async close(): Promise<void> {
    await this.deps.store.close();
  }
}

const USAGE = WORDING.usage;

function smallTalkReply(kind: 'greeting' | 'help' | 'thanks'): Reply {
  if (kind === 'thanks') return { text: WORDING.welcome };
  return { text: kind === 'greeting' ? WORDING.greeting(USAGE) : USAGE };
}

function staleChoice(): Reply {
  return {
    expired: true,
    text: WORDING.staleChoice,
    choices: [{ id: CHOICE.restart, label: WORDING.startOver }],
  };
}

function describeInput(turn: Turn): string {
  const { input } = turn;
  // Text that never reached the engine (empty) is not stored as typed: it could hold anything.
  if (input.kind === 'text') return '(empty message)';
  if (input.kind === 'choice') return `[chose ${input.choiceId}]`;
  return `[/${input.name}${Object.entries(input.args).map(([k, v]) => ` ${k}:${v}`).join('')}]`;
}

function dedupeNotices(notices: Reply[]): Reply[] {
  return notices.filter((n, i) => notices.findIndex((m) => m.text === n.text) === i);
}
