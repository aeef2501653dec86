import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Scripts locate everything from the repo, not the caller's cwd, so CI can run them from anywhere. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const KNOWLEDGE_DIR = process.env.KNOWLEDGE_DIR ?? resolve(REPO_ROOT, 'knowledge');

/** `../shared` sits beside the repo in every checkout and CI run (see ARCHITECTURE.md). */
export function sharedDir(): string {
  const dir = resolve(REPO_ROOT, '..', 'shared');
  if (!existsSync(dir)) throw new Error(`shared directory not found at ${dir}: it holds eval/dev.jsonl and must sit beside the repo`);
  return dir;
}

export const defaultEvalFile = (): string => resolve(sharedDir(), 'eval', 'dev.jsonl');

export { readEvalSet, scoreAnswer, tally, verdict, type EvalQuestion } from '../src/retrieval/eval-set.ts';
