import { z } from 'zod';
import { reason, reasonSchema } from '../knowledge/reason.ts';
import { normalizeReply, statementPhrases } from '../flows/text-match.ts';
import type { Flow, FlowOption } from '../flows/schema.ts';

/**
 * What a user's own words already answer, in any tree, at any node: "too
 * many redirects" answers the SSL tree's symptom question even when the tree
 * asks about the user's role first. Each message is read against every
 * question once; the tree takes the answer when it reaches that question,
 * whatever order it asks in. Only the conservative statement match counts
 * (multi-word phrases, exactly one option), so a stray word never picks a branch.
 */

export const statedAnswersSchema = z.record(z.string(), z.object({ option: z.string(), because: reasonSchema }));
export type StatedAnswers = z.infer<typeof statedAnswersSchema>;

/** The flow-evidence key the runner looks up for a question node. */
export function statedEvidenceKey(flowId: string, nodeId: string): string {
  return `stated:${flowId}/${nodeId}`;
}

/** One statement phrase of one option of one question, in the order the trees declare them. */
type PhraseEntry = { question: string; option: FlowOption; phrase: string; order: number };

/**
 * Every statement phrase of every question, filed under its first word. A message is checked
 * only against phrases whose first word it contains, instead of against all of them: this runs
 * on every message, and the trees hold hundreds of phrases.
 */
const phraseIndexes = new WeakMap<readonly Flow[], Map<string, PhraseEntry[]>>();
function phraseIndex(flows: readonly Flow[]): Map<string, PhraseEntry[]> {
  let index = phraseIndexes.get(flows);
  if (index) return index;
  index = new Map();
  let order = 0;
  for (const flow of flows) {
    for (const [nodeId, node] of Object.entries(flow.nodes)) {
      if (node.type !== 'question') continue;
      for (const option of node.options) {
        for (const phrase of statementPhrases(option)) {
          const first = phrase.slice(0, phrase.indexOf(' '));
          const entries = index.get(first) ?? [];
          entries.push({ question: `${flow.id}/${nodeId}`, option, phrase, order: order++ });
          index.set(first, entries);
        }
      }
    }
  }
  phraseIndexes.set(flows, index);
  return index;
}

export function statedAnswers(flows: readonly Flow[], text: string): StatedAnswers {
  const normalized = normalizeReply(text);
  const haystack = ` ${normalized} `;
  const index = phraseIndex(flows);
  const hitsByQuestion = new Map<string, PhraseEntry[]>();
  for (const word of new Set(normalized.split(' '))) {
    for (const entry of index.get(word) ?? []) {
      if (!haystack.includes(` ${entry.phrase} `)) continue;
      const hits = hitsByQuestion.get(entry.question) ?? [];
      hits.push(entry);
      hitsByQuestion.set(entry.question, hits);
    }
  }
  const found: StatedAnswers = {};
  // Questions in the order the trees declare them, as a walk over the trees would list them.
  const questions = [...hitsByQuestion].sort(([, a], [, b]) => Math.min(...a.map((h) => h.order)) - Math.min(...b.map((h) => h.order)));
  for (const [question, hits] of questions) {
    // Exactly one option must be named; then its longest phrase is the reason (the first declared among equals).
    if (new Set(hits.map((h) => h.option)).size !== 1) continue;
    const best = hits.sort((a, b) => b.phrase.length - a.phrase.length || a.order - b.order)[0];
    if (best) found[question] = { option: best.option.id, because: reason('said', 'becauseStatement', { phrase: best.phrase }) };
  }
  return found;
}
