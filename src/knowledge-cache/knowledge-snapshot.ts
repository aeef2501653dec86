import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { EngineKnowledge } from '../engine-knowledge.ts';
import type { SupportConfig } from '../escalation/support-config.ts';
import { Bm25Index } from '../retrieval/bm25.ts';
import { Searcher } from '../retrieval/search.ts';
import { SpellingCorrector } from '../retrieval/spelling.ts';
import { SynonymExpander } from '../retrieval/synonyms.ts';
import { markClasses, restoreClasses, type ClassMark, type ClassTable } from './class-graph.ts';

/** Everything loaded from `knowledge/`: parsed, validated and indexed. */
export type LoadedKnowledge = { knowledge: EngineKnowledge; support: SupportConfig };
export type KnowledgeLoad = LoadedKnowledge & { from: 'snapshot' | 'files'; key: string; ms: number };

/** The classes a knowledge graph may hold; anything else means "do not snapshot". */
const CLASSES: ClassTable = { Searcher, Bm25Index, SpellingCorrector, SynonymExpander };
/** The code that turns files into the graph: when it changes, old snapshots mean nothing. */
const CODE_DIRS = ['knowledge', 'retrieval', 'flows', 'escalation', 'knowledge-cache'];
const CODE_FILES = ['engine-knowledge'];
const SNAPSHOT_FORMAT = 1;

type Snapshot = { format: number; key: string; marks: ClassMark[]; value: LoadedKnowledge };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []))
    .sort();
}

/**
 * The files whose code builds the graph. From source (tsx), the loader's folders; from the bundle
 * (dist/, where this module is one chunk among others), the build's stamp: any rebuild counts.
 */
function codeFiles(): { base: string; files: string[] } {
  const here = import.meta.dirname;
  if (basename(here) !== 'knowledge-cache') {
    // scripts/build.mjs stamps each build: one small file stands for every bundled one.
    const stamp = join(here, '.built');
    return { base: here, files: existsSync(stamp) ? [stamp] : filesUnder(here).filter((f) => f.endsWith('.js')) };
  }
  const srcRoot = resolve(here, '..');
  const files = [...CODE_DIRS.flatMap((d) => filesUnder(join(srcRoot, d))), ...CODE_FILES.flatMap((f) => readdirSync(srcRoot).filter((n) => n.startsWith(`${f}.`)).map((n) => join(srcRoot, n)))];
  return { base: srcRoot, files: files.filter((f) => !/\.test\.[jt]s$/.test(f)) };
}

let codeVersion: string | undefined;
/** A hash of the code that builds the graph, so a code change invalidates snapshots. */
function codeHash(): string {
  if (codeVersion) return codeVersion;
  const hash = createHash('sha256').update(`format ${SNAPSHOT_FORMAT}\n`);
  const { base, files } = codeFiles();
  for (const file of files) hash.update(`${relative(base, file)}\n`).update(readFileSync(file));
  codeVersion = hash.digest('hex');
  return codeVersion;
}

/** Identifies one knowledge folder's contents (every file, by path and bytes) read by one version of the code. */
export function knowledgeKey(dir: string): string {
  const root = resolve(dir);
  const hash = createHash('sha256').update(`${codeHash()}\n${root}\n`);
  for (const file of filesUnder(root)) hash.update(`${relative(root, file)}\n${statSync(file).size}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 24);
}

/**
 * Loads knowledge from a snapshot keyed by the knowledge files and the code version, or, when
 * there is none (or it is unreadable), from the files, writing a snapshot for next time.
 * Validation happens only on the files path: a snapshot exists only for knowledge that passed.
 */
export async function loadKnowledge(options: { dir: string; cacheDir?: string | undefined; onCacheProblem?: (message: string) => void }): Promise<KnowledgeLoad> {
  const started = performance.now();
  const key = knowledgeKey(options.dir);
  const file = options.cacheDir ? join(options.cacheDir, `knowledge-${key}.v8`) : undefined;
  if (file) {
    const cached = readSnapshot(file, key, options.onCacheProblem);
    if (cached) return { ...cached, from: 'snapshot', key, ms: performance.now() - started };
  }
  const { loadFromFiles } = await import('./load-from-files.ts');
  const loaded = loadFromFiles(options.dir);
  if (file && options.cacheDir) writeSnapshot(options.cacheDir, file, key, loaded, options.onCacheProblem);
  return { ...loaded, from: 'files', key, ms: performance.now() - started };
}

function readSnapshot(file: string, key: string, onProblem?: (message: string) => void): LoadedKnowledge | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // no snapshot yet
  }
  try {
    const snapshot = deserialize(bytes) as Snapshot;
    if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.key !== key) return undefined;
    restoreClasses(snapshot.value, snapshot.marks, CLASSES);
    return snapshot.value;
  } catch (error) {
    onProblem?.(`knowledge snapshot ${file} unreadable, loading the files: ${(error as Error).message}`);
    return undefined;
  }
}

function writeSnapshot(cacheDir: string, file: string, key: string, value: LoadedKnowledge, onProblem?: (message: string) => void): void {
  try {
    const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, key, marks: markClasses(value, CLASSES), value };
    mkdirSync(cacheDir, { recursive: true });
    // Written beside and renamed: a reader never sees half a snapshot, two writers never mix.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(snapshot));
    renameSync(temp, file);
    for (const old of readdirSync(cacheDir)) if (old.startsWith('knowledge-') && old.endsWith('.v8') && join(cacheDir, old) !== file) rmSync(join(cacheDir, old), { force: true });
  } catch (error) {
    onProblem?.(`knowledge snapshot not written (${(error as Error).message}); start-up will parse the files`);
  }
}
