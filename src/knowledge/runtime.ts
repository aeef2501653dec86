import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnswerPolicy } from '../retrieval/answer-policy.ts';
import { loadLanguages } from '../retrieval/language.ts';
import { loadScope } from '../retrieval/scope.ts';
import { Searcher } from '../retrieval/search.ts';
import { checkSynonymTargets, loadSynonyms } from '../retrieval/synonyms.ts';
import { loadKnowledge } from './load.ts';
import type { KnowledgeBase } from './schema.ts';

export type KnowledgeRuntime = { kb: KnowledgeBase; searcher: Searcher; dir: string };

/** Everything retrieval needs, loaded and indexed once at start-up; any broken file stops start-up with its name. */
export function loadKnowledgeRuntime(dir = './knowledge'): KnowledgeRuntime {
  const kb = loadKnowledge(dir);
  const languagesFile = join(dir, 'languages.yaml');
  const synonymsFile = join(dir, 'synonyms.yaml');
  const synonyms = loadSynonyms(synonymsFile);
  checkSynonymTargets(synonyms, synonymsFile, new Set(kb.pages.map((p) => p.id)));
  const searcher = new Searcher(kb, {
    synonyms,
    scope: loadScope(join(dir, 'scope.yaml')),
    // Languages are optional: a knowledge folder without the file answers in English only.
    ...(existsSync(languagesFile) ? { languages: loadLanguages(languagesFile) } : {}),
    policy: loadAnswerPolicy(join(dir, 'answer-policy.json')),
  });
  return { kb, searcher, dir };
}
