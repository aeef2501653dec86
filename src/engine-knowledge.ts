import { join } from 'node:path';
import { settingFromEnv } from './config.ts';
import { loadFlows } from './flows/load-flows.ts';
import type { Flow } from './flows/schema.ts';
import { loadKnowledgeRuntime, type KnowledgeRuntime } from './knowledge/runtime.ts';
import { loadWording, WORDING_FILE, type Wording } from './knowledge/wording.ts';

/** Everything the engine reads from `knowledge/`, loaded and validated once; a broken file stops start-up naming itself. */
export type EngineKnowledge = {
  runtime: KnowledgeRuntime;
  flows: Flow[];
  flowById: Map<string, Flow>;
  /** code -> the page that is its primary answer (first in the code map). */
  primaryPageOfCode: Map<string, string>;
  /** What the engine says in its own words (knowledge/wording.yaml). */
  wording: Wording;
};

export function loadEngineKnowledge(dir = settingFromEnv('KNOWLEDGE_DIR')): EngineKnowledge {
  // The wording first: a translator's typo is reported before the slower docs load.
  const wording = loadWording(join(dir, WORDING_FILE));
  const runtime = loadKnowledgeRuntime(dir);
  const flows = loadFlows(join(dir, 'flows'), runtime.kb);
  const primaryPageOfCode = new Map<string, string>();
  for (const [code, pages] of runtime.kb.codes) if (pages[0]) primaryPageOfCode.set(code, pages[0]);
  return { runtime, flows, flowById: new Map(flows.map((f) => [f.id, f])), primaryPageOfCode, wording };
}
