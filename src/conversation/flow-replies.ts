import { reasonText } from '../knowledge/reason.ts';
import type { EngineKnowledge } from '../engine-knowledge.ts';
import type { FlowStep, NotSolvedWords, Skipped } from '../flows/runner.ts';
import type { Cite, Flow } from '../flows/schema.ts';
import { sourceOf } from './answer-card.ts';
import { CHOICE, clipLabel } from './choice-ids.ts';
import type { Choice, Reply, SourceLink } from './seam.ts';
import { say, type Wording } from '../knowledge/wording.ts';

/** The "Did that solve it?" buttons; their meaning tells doors which is yes (seam: Choice.meaning). */
export function solvedPrompt(wording: Wording): Pick<Reply, 'choices' | 'feedback'> & { choices: Choice[] } {
  return {
    choices: [
      { id: CHOICE.solvedYes, label: say(wording, 'solvedYes'), meaning: 'positive' },
      { id: CHOICE.solvedNo, label: say(wording, 'solvedNo'), meaning: 'negative' },
    ],
    feedback: true,
  };
}

/** "Did that solve it? → No", as a tree path (and the case summary's steps) records a "not solved". */
export function notSolvedWords(wording: Wording): NotSolvedWords {
  return { question: say(wording, 'didThatSolveIt'), answer: say(wording, 'notSolvedAnswer') };
}

export function citesToSources(knowledge: EngineKnowledge, cites: Cite[] | undefined): SourceLink[] {
  const out: SourceLink[] = [];
  for (const cite of cites ?? []) {
    const page = knowledge.runtime.kb.pageById.get(cite.page);
    if (page && !out.some((s) => s.url === sourceOf(page, cite.section).url)) out.push(sourceOf(page, cite.section));
  }
  return out;
}

/** "You pasted a Cloudflare-branded page, so I skipped: Is the page branded? → Yes." */
export function skippedNote(wording: Wording, skipped: Skipped[]): string | undefined {
  if (!skipped.length) return undefined;
  return skipped.map((s) => say(wording, 'tookAs', { because: reasonText(wording, s.because), question: s.question, answer: s.answer })).join('\n');
}

/** A question or answer step as a reply; escalate steps are rendered by the caller, which owns the case summary. */
export function flowStepReply(knowledge: EngineKnowledge, flow: Flow, step: Exclude<FlowStep, { kind: 'escalate' }>): Reply {
  const { wording } = knowledge;
  const note = skippedNote(wording, step.skipped);
  if (step.kind === 'question') {
    const node = step.node;
    return {
      title: flow.title,
      text: [note, node.text].filter(Boolean).join('\n\n'),
      choices: node.options.map((o) => ({ id: CHOICE.flowOption(flow.id, step.state.nodeId, o.id), label: o.label })),
      ...(node.cites?.length ? { sources: citesToSources(knowledge, node.cites) } : {}),
    };
  }
  const node = step.node;
  const next = node.continueWith ? knowledge.flowById.get(node.continueWith) : undefined;
  const prompt = solvedPrompt(wording);
  return {
    title: node.title,
    text: [note, node.text, say(wording, 'didThatSolveIt')].filter(Boolean).join('\n\n'),
    sources: citesToSources(knowledge, node.cites),
    ...prompt,
    // A tree may hand over to another (5xx triage -> SSL checks); offer that as a third button.
    ...(next ? { choices: [...prompt.choices, { id: CHOICE.startFlow(next.id), label: clipLabel(say(wording, 'goToFlow', { title: next.title })) }] } : {}),
  };
}
