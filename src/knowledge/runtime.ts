import { join } from 'node:path';
import { loadScope } from '../retrieval/scope.ts';
import { Searcher } from '../retrieval/search.ts';
import { loadSynonyms } from '../retrieval/synonyms.ts';
import { loadKnowledge } from './load.ts';
import type { KnowledgeBase } from './schema.ts';

export type KnowledgeRuntime = { kb: KnowledgeBase; searcher: Searcher; dir: string };

/** Everything retrieval needs, loaded and indexed once at start-up; any broken file stops start-up with its name. */
export function loadKnowledgeRuntime(dir = './knowledge'): KnowledgeRuntime {
  const kb = loadKnowledge(dir);
  const searcher = new Searcher(kb, loadSynonyms(join(dir, 'synonyms.yaml')), loadScope(join(dir, 'scope.yaml')));
  return { kb, searcher, dir };
}
