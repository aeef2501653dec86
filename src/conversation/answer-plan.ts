import type { EngineKnowledge } from '../engine-knowledge.ts';
import { findFlowForCode, findFlowForText } from '../flows/runner.ts';
import type { Flow } from '../flows/schema.ts';
import type { SearchResult } from '../retrieval/search.ts';

export type AnswerPlan = {
  search: SearchResult;
  /** The decision tree that fits: by a typed code, then by the answering page's code, then by keyword. */
  flow?: Flow;
  /** The code the answer is about, when there is one. */
  code?: string;
};

export function answerPlan(knowledge: EngineKnowledge, text: string): AnswerPlan {
  const search = knowledge.runtime.searcher.search(text);
  const typed = search.analysis.codes.filter((c) => knowledge.runtime.kb.codes.has(c));
  const top = search.abstain ? undefined : search.docs[0];
  const topCodes = top && top.why !== 'text' ? [...knowledge.primaryPageOfCode].filter(([, page]) => page === top.id).map(([code]) => code) : [];
  for (const code of [...typed, ...topCodes]) {
    const flow = findFlowForCode(knowledge.flows, code);
    if (flow) return { search, flow, code };
  }
  const code = typed[0] ?? topCodes[0];
  const flow = search.abstain && !search.outOfScope ? findFlowForText(knowledge.flows, text) : top ? findFlowForText(knowledge.flows, text) : undefined;
  return { search, ...(flow ? { flow } : {}), ...(code ? { code } : {}) };
}
