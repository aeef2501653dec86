import type { EngineKnowledge } from '../engine-knowledge.ts';

/** Discord's limit on autocomplete choices, and so ours for every door. */
export const MAX_CODE_SUGGESTIONS = 25;

/** Error codes the knowledge covers, for autocomplete: digits match code prefixes, words match page titles. */
export function codeSuggestions(knowledge: EngineKnowledge, prefix: string, limit = MAX_CODE_SUGGESTIONS): { code: string; title: string }[] {
  const { kb } = knowledge.runtime;
  const wanted = prefix.trim().toLowerCase().replace(/^(?:error|err)\s*/, '');
  const all = [...kb.codes.entries()]
    .map(([code, pages]) => ({ code, title: kb.pageById.get(pages[0] ?? '')?.title ?? `Error ${code}` }))
    .sort((a, b) => Number(a.code) - Number(b.code));
  // Digits match code prefixes only ("10" -> 10xxx, not 410); words match titles.
  const matches = !wanted ? all : /^\d+$/.test(wanted) ? all.filter((c) => c.code.startsWith(wanted)) : all.filter((c) => c.title.toLowerCase().includes(wanted));
  return matches.slice(0, Math.max(0, Math.min(limit, MAX_CODE_SUGGESTIONS)));
}
