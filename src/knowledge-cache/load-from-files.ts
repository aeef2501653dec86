import { join } from 'node:path';
import { loadEngineKnowledge } from '../engine-knowledge.ts';
import { loadSupportConfig } from '../escalation/support-config.ts';
import type { LoadedKnowledge } from './knowledge-snapshot.ts';

/** The slow path: parse, validate and index every knowledge file (throws naming the broken file). */
export function loadFromFiles(dir: string): LoadedKnowledge {
  return { knowledge: loadEngineKnowledge(dir), support: loadSupportConfig(join(dir, 'support.yaml')) };
}
