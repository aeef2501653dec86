import { reason, type Reason } from '../knowledge/reason.ts';
import { pickOptionFromStatement, pickOptionFromText } from './text-match.ts';
import { evidenceValuesOf, type AnswerNode, type EscalateNode, type Flow, type FlowNode, type FlowOption, type QuestionNode } from './schema.ts';

/**
 * A pure state machine over one tree: every function takes the state and
 * returns the next step, so the engine can store FlowState anywhere and
 * replay it. Nothing here reads the clock, the network or the store.
 */

/** What the engine already knows, and why ("you pasted a Cloudflare-branded error page"). */
export type Evidence = Record<string, { value: string; because: Reason }>;

export type PathEntry = {
  nodeId: string;
  question: string;
  /** The chosen option's label. */
  answer: string;
  via: 'choice' | 'text' | 'evidence';
  because?: Reason;
};

export type FlowState = { flowId: string; nodeId: string; path: PathEntry[] };

/** Questions answered from evidence on the way to this step, so the engine can say so. */
export type Skipped = { question: string; answer: string; because: Reason };

export type FlowStep =
  | { kind: 'question'; state: FlowState; node: QuestionNode; skipped: Skipped[] }
  | { kind: 'answer'; state: FlowState; node: AnswerNode; skipped: Skipped[] }
  | { kind: 'escalate'; state: FlowState; node: EscalateNode; skipped: Skipped[] };

/**
 * Used when an answer names no ifNotSolved (or the state points at no node):
 * the contacting-support page's own list of what a case needs.
 */
export const GENERIC_ESCALATION: EscalateNode = {
  type: 'escalate',
  text: 'The steps so far did not solve it. Open a support case with the details below; missing information slows the investigation down.',
  target: 'cloudflare-support',
  checklist: [
    'Timestamp (UTC) of the problem and how often it happens',
    'Zone name or zone ID',
    'Steps to reproduce, with example URLs, and actual vs expected results',
    'Exact error messages and screenshots',
    'HAR files, relevant origin web server logs, and output from test tools such as MTR, traceroute, dig and cURL',
  ],
  cites: [{ page: 'contacting-cloudflare-support', section: 'getting-help-with-an-issue' }],
};

export function startFlow(flow: Flow, evidence: Evidence = {}): FlowStep {
  return arriveAt(flow, { flowId: flow.id, nodeId: flow.start, path: [] }, evidence);
}

/** A button press (option id); an id the current question does not offer is reported, not thrown. */
export function chooseOption(flow: Flow, state: FlowState, optionId: string, evidence: Evidence = {}): FlowStep | { kind: 'invalid-option' } {
  const node = currentQuestion(flow, state);
  const option = node?.options.find((o) => o.id === optionId);
  if (!node || !option) return { kind: 'invalid-option' };
  return take(flow, state, node, option, 'choice', evidence);
}

/** A typed reply matched against the current question's options; unclear or ambiguous replies are no-match. */
export function answerWithText(flow: Flow, state: FlowState, text: string, evidence: Evidence = {}): FlowStep | { kind: 'no-match' } {
  const node = currentQuestion(flow, state);
  const option = node ? pickOptionFromText(node.options, text) : null;
  if (!node || !option) return { kind: 'no-match' };
  return take(flow, state, node, option, 'text', evidence);
}

/** How "did that solve it? no" is written into the path (and so the case summary): the engine's wording, given by the caller. */
export type NotSolvedWords = { question: string; answer: string };

/**
 * "That did not solve it": follow the answer's ifNotSolved, else escalate.
 * At an escalation it stays put; at a question the user has given up answering, so escalate.
 */
export function notSolved(flow: Flow, state: FlowState, words: NotSolvedWords, evidence: Evidence = {}): FlowStep {
  const node = flow.nodes[state.nodeId];
  if (node?.type === 'escalate') return { kind: 'escalate', state, node, skipped: [] };
  const path = [...state.path, { nodeId: state.nodeId, question: words.question, answer: words.answer, via: 'choice' as const }];
  if (node?.type === 'answer' && node.ifNotSolved) return arriveAt(flow, { ...state, nodeId: node.ifNotSolved, path }, evidence);
  return { kind: 'escalate', state: { ...state, path }, node: GENERIC_ESCALATION, skipped: [] };
}

/**
 * Questions the message that started the tree already answers in so many
 * words ("too many redirects") are taken, with the words as the reason.
 */
export function answerFromStatement(flow: Flow, step: FlowStep, text: string, evidence: Evidence = {}): FlowStep {
  let current = step;
  const skipped = [...step.skipped];
  const taken = new Set<string>();
  while (current.kind === 'question' && !taken.has(current.state.nodeId)) {
    const hit = pickOptionFromStatement(current.node.options, text);
    if (!hit) break;
    taken.add(current.state.nodeId);
    const because = reason('said', 'becauseStatement', { phrase: hit.phrase });
    const entry: PathEntry = { nodeId: current.state.nodeId, question: current.node.text, answer: hit.option.label, via: 'text', because };
    skipped.push({ question: current.node.text, answer: hit.option.label, because });
    current = arriveAt(flow, { ...current.state, nodeId: hit.option.next, path: [...current.state.path, entry] }, evidence);
    skipped.push(...current.skipped);
  }
  return { ...current, skipped };
}

/** The tree a pasted or mentioned error code starts (lint keeps each code in one tree). */
export function findFlowForCode(flows: readonly Flow[], code: string): Flow | undefined {
  return flows.find((f) => f.triggers.codes.includes(code));
}

/** The tree whose keyword appears in the text as whole words; the longest keyword wins so "ssl handshake" beats "ssl". */
export function findFlowForText(flows: readonly Flow[], text: string): Flow | undefined {
  const haystack = ` ${normalizeForKeywords(text)} `;
  let best: { flow: Flow; length: number } | undefined;
  for (const flow of flows) {
    for (const keyword of flow.triggers.keywords) {
      const needle = normalizeForKeywords(keyword);
      if (needle && haystack.includes(` ${needle} `) && needle.length > (best?.length ?? 0)) best = { flow, length: needle.length };
    }
  }
  return best?.flow;
}

function normalizeForKeywords(text: string): string {
  return text.toLowerCase().replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function currentQuestion(flow: Flow, state: FlowState): QuestionNode | undefined {
  if (state.flowId !== flow.id) return undefined;
  const node = flow.nodes[state.nodeId];
  return node?.type === 'question' ? node : undefined;
}

function take(flow: Flow, state: FlowState, node: QuestionNode, option: FlowOption, via: 'choice' | 'text', evidence: Evidence): FlowStep {
  const entry: PathEntry = { nodeId: state.nodeId, question: node.text, answer: option.label, via };
  return arriveAt(flow, { ...state, nodeId: option.next, path: [...state.path, entry] }, evidence);
}

/**
 * Enter a node, answering questions from evidence for as long as it can.
 * Answers given earlier in this conversation count as evidence too, so a tree
 * can ask "which code?" once and branch on it again later without asking.
 */
function arriveAt(flow: Flow, entered: FlowState, evidence: Evidence): FlowStep {
  const skipped: Skipped[] = [];
  let state = entered;
  const autoAnswered = new Set<string>();
  for (;;) {
    const node: FlowNode | undefined = flow.nodes[state.nodeId];
    if (!node) return { kind: 'escalate', state, node: GENERIC_ESCALATION, skipped };
    if (node.type !== 'question') return node.type === 'answer' ? { kind: 'answer', state, node, skipped } : { kind: 'escalate', state, node, skipped };
    // A loop of auto-answers would spin forever; ask the question the second time round.
    const known = autoAnswered.has(state.nodeId) ? undefined : knownValues(flow, state, node, evidence) ?? statedAnswer(flow, state.nodeId, node, evidence);
    const option = known && node.options.find((o) => known.optionId === o.id || evidenceValuesOf(o).some((v) => known.values.includes(v)));
    if (!known || !option) return { kind: 'question', state, node, skipped };
    autoAnswered.add(state.nodeId);
    // Re-branching on a key already settled in this path ("which code?" again) is bookkeeping, not news to the user.
    if (known.optionId || !settledEarlier(flow, state.path, node.evidence)) skipped.push({ question: node.text, answer: option.label, because: known.because });
    const entry: PathEntry = { nodeId: state.nodeId, question: node.text, answer: option.label, via: 'evidence', because: known.because };
    state = { ...state, nodeId: option.next, path: [...state.path, entry] };
  }
}

type Known = { values: string[]; because: Reason; optionId?: string };

/** An option the user's own words picked for this very question, in any earlier message (`stated:<flow>/<node>` evidence). */
function statedAnswer(flow: Flow, nodeId: string, node: QuestionNode, evidence: Evidence): Known | undefined {
  const stated = evidence[`stated:${flow.id}/${nodeId}`];
  if (!stated || !node.options.some((o) => o.id === stated.value)) return undefined;
  return { values: [], because: stated.because, optionId: stated.value };
}

function knownValues(flow: Flow, state: FlowState, node: QuestionNode, evidence: Evidence): Known | undefined {
  if (!node.evidence) return undefined;
  const given = evidence[node.evidence];
  if (given) return { values: [given.value.toLowerCase()], because: given.because };
  return answeredEarlier(flow, state, node.evidence);
}

/** The latest answer in this path to a question with the same evidence key, as the values its option stands for. */
function answeredEarlier(flow: Flow, state: FlowState, key: string): Known | undefined {
  for (const entry of [...state.path].reverse()) {
    const asked = flow.nodes[entry.nodeId];
    if (asked?.type !== 'question' || asked.evidence !== key) continue;
    const option = asked.options.find((o) => o.label === entry.answer);
    const values = option ? evidenceValuesOf(option) : [];
    if (values.length) return { values, because: entry.because ?? reason('answered', 'becauseAnsweredInTree', { answer: entry.answer }) };
  }
  return undefined;
}

function settledEarlier(flow: Flow, path: PathEntry[], key: string | undefined): boolean {
  return path.some((entry) => {
    const asked = flow.nodes[entry.nodeId];
    return asked?.type === 'question' && asked.evidence === key;
  });
}
