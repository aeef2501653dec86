import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, REPO_ROOT } from '../../tests/knowledge-paths.ts';
import { loadKnowledgeRuntime } from '../knowledge/runtime.ts';
import { readEvalSet } from './eval-set.ts';
import { loadLanguages } from './language.ts';
import { warmUpQuestions } from './search-warm-up.ts';

const runtime = loadKnowledgeRuntime(KNOWLEDGE_DIR);
const languages = loadLanguages(join(KNOWLEDGE_DIR, 'languages.yaml')).languages;
const evalQuestions = [
  ...readEvalSet(join(REPO_ROOT, 'tests', 'fixtures', 'eval', 'regression.jsonl')),
  ...readEvalSet(join(REPO_ROOT, 'tests', 'fixtures', 'eval', 'vague.jsonl')),
  ...readEvalSet(join(REPO_ROOT, '..', 'shared', 'eval', 'messy.jsonl')),
];

describe('start-up search warm-up', () => {
  it('asks questions composed from the knowledge, never eval questions, in every language the knowledge reads', () => {
    const questions = warmUpQuestions(runtime.kb, languages);
    const asked = new Set(evalQuestions.map((q) => q.q.trim().toLowerCase()));
    expect(questions.filter((q) => asked.has(q.trim().toLowerCase()))).toEqual([]);
    // One question per language, Cyrillic and Han included, so their patterns are compiled too.
    for (const language of languages) expect(questions.some((q) => q.includes(language.markers[0] ?? '\u0000') || q.includes(Object.keys(language.phrases)[0] ?? '\u0000'))).toBe(true);
    // An English post with curly quotes: patterns compile again for text that is not Latin-1.
    expect(questions.some((q) => q.includes('“') && q.includes('HTTP'))).toBe(true);
  });

  it('leaves answers exactly as a fresh engine gives them', async () => {
    const fresh = loadKnowledgeRuntime(KNOWLEDGE_DIR).searcher;
    const report = await runtime.searcher.warmUp({ rounds: 2 });
    expect(report.questions).toBe(2 * warmUpQuestions(runtime.kb, languages).length);
    for (const { q } of evalQuestions) {
      const warmed = runtime.searcher.search(q);
      const cold = fresh.search(q);
      expect({ docs: warmed.docs, outcome: warmed.outcome, features: warmed.features }).toEqual({ docs: cold.docs, outcome: cold.outcome, features: cold.features });
    }
  });

  it('stops when the engine closes', async () => {
    const closing = new AbortController();
    const warming = runtime.searcher.warmUp({ signal: closing.signal });
    closing.abort();
    expect((await warming).questions).toBeLessThanOrEqual(1);
  });
});
