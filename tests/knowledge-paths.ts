import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sniffSourceKind } from '../src/knowledge/load.ts';

/** Resolved from this file, so tests pass whatever directory vitest is started from. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const KNOWLEDGE_DIR = join(REPO_ROOT, 'knowledge');
export const SYNTHETIC_KNOWLEDGE_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'knowledge-synthetic');

/**
 * The real source files of a kind, found by content like the loader does, so
 * the tests keep working when a newer dump with another file name replaces it.
 */
export function sourceFiles(kind: 'docs' | 'rss' | 'blog'): { file: string; text: string }[] {
  const dir = join(KNOWLEDGE_DIR, 'sources');
  return readdirSync(dir)
    .filter((name) => name !== 'SOURCES.md')
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }))
    .filter(({ text }) => sniffSourceKind(text) === kind);
}
