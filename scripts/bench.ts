/**
 * Retrieval benchmark, one run: cold start, per-query latency over the eval
 * sets (dev, messy, regression: first pass and steady state), the same over
 * a knowledge dump 10x the size (the pages repeated under new ids), the
 * worst single turn (including one 8000-character token), peak RSS, and a
 * naive fuse.js-over-pages baseline. Prints a table, then one JSON line;
 * exits 1 naming each missed target.
 *
 * "First pass" is each eval question asked once of a freshly started engine,
 * started the way createEngine starts one for the doors and the chat: knowledge
 * loaded and indexed, then the search warm-up it runs in the background
 * (src/retrieval/search-warm-up.ts: questions composed from the docs, never from
 * an eval set), awaited here. The same pass on an engine that skipped the
 * warm-up (what `cli ask`, a one-shot process, gets) is measured in a child
 * process, since compiled code is shared by everything in one process, and
 * reported beside it.
 * Usage: npm run bench [-- --naive-all] [file.jsonl ...]   (BENCH_REPEATS, BENCH_NAIVE_QUERIES override the defaults)
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { buildCodeMap } from '../src/knowledge/error-codes.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { loadKnowledgeRuntime } from '../src/knowledge/runtime.ts';
import type { KnowledgeBase } from '../src/knowledge/schema.ts';
import { loadAnswerPolicy } from '../src/retrieval/answer-policy.ts';
import { loadLanguages } from '../src/retrieval/language.ts';
import { loadScope } from '../src/retrieval/scope.ts';
import { Searcher } from '../src/retrieval/search.ts';
import { loadSynonyms } from '../src/retrieval/synonyms.ts';
import { defaultEvalFile, KNOWLEDGE_DIR, readEvalSet, REPO_ROOT, scoreAnswer, sharedDir, type EvalQuestion } from './eval-set.ts';
import { naiveFuseSearch } from './naive-fuse-search.ts';
import { percentile } from '../src/retrieval/percentile.ts';

const TARGETS = { steadyP99Ms: 2, firstPassP99Ms: 5, tenfoldP99Ms: 10, worstTurnMs: 20, coldStartMs: 500, peakRssMb: 150 };
const REPEATS = Number(process.env.BENCH_REPEATS ?? 20);
/** fuse.js over whole pages takes 100–500 ms a query, so by default it runs on an evenly spread sample. */
const NAIVE_QUERIES = process.argv.includes('--naive-all') ? Infinity : Number(process.env.BENCH_NAIVE_QUERIES ?? 20);

type Search = (query: string) => { ids: string[]; abstain: boolean };
type Latency = { p50: number; p99: number; max: number };

/** The same pages repeated under new ids: what retrieval costs when the docs grow tenfold. */
function tenfold(kb: KnowledgeBase): KnowledgeBase {
  const pages = Array.from({ length: 10 }, (_, copy) => kb.pages.map((p) => (copy === 0 ? p : { ...p, id: `${p.id}-copy-${copy}`, url: `${p.url}copy-${copy}/` }))).flat();
  return { ...kb, pages, codes: buildCodeMap(pages), pageById: new Map(pages.map((p) => [p.id, p])) };
}

function searcherFor(kb: KnowledgeBase): Searcher {
  return new Searcher(kb, {
    synonyms: loadSynonyms(resolve(KNOWLEDGE_DIR, 'synonyms.yaml')),
    scope: loadScope(resolve(KNOWLEDGE_DIR, 'scope.yaml')),
    languages: loadLanguages(resolve(KNOWLEDGE_DIR, 'languages.yaml')),
    policy: loadAnswerPolicy(resolve(KNOWLEDGE_DIR, 'answer-policy.json')),
  });
}

function latency(samplesMs: number[]): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * One timed pass; also scores top-1 so quality and speed come from the same answers.
 * `samplesMs` is wall time; `cpuMs` is this process's CPU time for the same call,
 * which on a shared machine leaves out the time spent waiting for a core, but adds
 * whatever the process's other threads did meanwhile (V8 compiling hot code in the
 * background, GC helpers). `ownMs` is the smaller of the two: each is an upper bound
 * on the time the main thread spent on the question (it cannot run longer than the
 * wall clock, nor use more CPU than the whole process), so their minimum is too.
 */
function pass(search: Search, questions: EvalQuestion[]): { samplesMs: number[]; cpuMs: number[]; ownMs: number[]; top1: number } {
  const samplesMs: number[] = [];
  const cpuMs: number[] = [];
  const ownMs: number[] = [];
  let top1 = 0;
  for (const question of questions) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const { ids, abstain } = search(question.q);
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuTime = (used.user + used.system) / 1000;
    samplesMs.push(wall);
    cpuMs.push(cpuTime);
    ownMs.push(Math.min(wall, cpuTime));
    if (scoreAnswer(question, ids, abstain).top1) top1++;
  }
  return { samplesMs, cpuMs, ownMs, top1 };
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;
const evenlySpread = <T>(items: T[], n: number): T[] => (n >= items.length ? items : Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T));
const fixed = (n: number, digits = 2) => Number(n.toFixed(digits));

const COLD_FIRST_PASS = '--cold-first-pass';

function evalQuestions(): EvalQuestion[] {
  const named = process.argv.filter((a) => a.endsWith('.jsonl'));
  const files = named.length ? named : [defaultEvalFile(), resolve(sharedDir(), 'eval', 'messy.jsonl'), resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'regression.jsonl')];
  return files.flatMap((f) => readEvalSet(f));
}

const searchWith = (searcher: Searcher): Search => (q) => {
  const result = searcher.search(q);
  return { ids: result.docs.map((d) => d.id), abstain: result.abstain };
};

/** Child mode: the first pass of an engine that never warmed up, as one JSON line. */
function coldFirstPass(): void {
  const { searcher } = loadKnowledgeRuntime(KNOWLEDGE_DIR);
  const p = pass(searchWith(searcher), evalQuestions());
  console.log(JSON.stringify({ wall: latency(p.samplesMs), cpu: latency(p.cpuMs), own: latency(p.ownMs) }));
}

/** The same pass in a fresh process that skips the warm-up; undefined if the child fails. */
function measureColdFirstPass(): { wall: Latency; cpu: Latency; own: Latency } | undefined {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, COLD_FIRST_PASS, ...process.argv.slice(2)], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as { wall: Latency; cpu: Latency; own: Latency };
  } catch {
    console.error(`cold first pass not measured: ${child.stderr.slice(0, 300)}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  // What the Node + tsx process holds before any knowledge is read, so the engine's own share is visible.
  const startRssMb = rssMb();
  const questions = evalQuestions();

  // Engine: measured first, so its peak RSS is not inflated by the baseline.
  let started = performance.now();
  const { kb, searcher } = loadKnowledgeRuntime(KNOWLEDGE_DIR);
  const engineColdMs = performance.now() - started;
  // What createEngine starts in the background; awaited, so the first pass meets an engine that finished starting.
  const warmUp = await searcher.warmUp();
  const engineSearch = searchWith(searcher);
  const firstPass = pass(engineSearch, questions);
  const steadySamples: number[] = [];
  const steadyCpu: number[] = [];
  const steadyOwn: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const p = pass(engineSearch, questions);
    steadySamples.push(...p.samplesMs);
    steadyCpu.push(...p.cpuMs);
    steadyOwn.push(...p.ownMs);
  }
  const engineRssMb = rssMb();

  // The worst single turns: the slowest question, and one pasted 8000-character token.
  const longToken = `error ${'x9'.repeat(4000)}`;
  const longTokenMs = Math.min(...[0, 1, 2].map(() => {
    const t0 = performance.now();
    searcher.search(longToken);
    return performance.now() - t0;
  }));

  // Ten times the docs.
  started = performance.now();
  const bigSearcher = searcherFor(tenfold(kb));
  const tenfoldIndexMs = performance.now() - started;
  const bigSearch = searchWith(bigSearcher);
  pass(bigSearch, questions);
  const bigSamples: number[] = [];
  const bigCpu: number[] = [];
  const bigOwn: number[] = [];
  for (let i = 0; i < Math.max(1, Math.floor(REPEATS / 4)); i++) {
    const p = pass(bigSearch, questions);
    bigSamples.push(...p.samplesMs);
    bigCpu.push(...p.cpuMs);
    bigOwn.push(...p.ownMs);
  }

  // Naive baseline over the same pages (parsing is shared, so its cold start is the fuse index build).
  const sample = evenlySpread(questions, NAIVE_QUERIES);
  started = performance.now();
  const naive = naiveFuseSearch(loadKnowledge(KNOWLEDGE_DIR).pages);
  const naiveIndexMs = performance.now() - started;
  const naiveSearch: Search = (q) => {
    const ids = naive(q);
    return { ids, abstain: ids.length === 0 };
  };
  const naivePass = pass(naiveSearch, sample);
  const engineOnSample = pass(engineSearch, sample).top1;
  const totalRssMb = rssMb();
  const cold = measureColdFirstPass();

  const engineFirst = latency(firstPass.samplesMs);
  const engineSteady = latency(steadySamples);
  const bigSteady = latency(bigSamples);
  const firstCpu = latency(firstPass.cpuMs);
  const steadyCpuLatency = latency(steadyCpu);
  const bigCpuLatency = latency(bigCpu);
  const firstOwn = latency(firstPass.ownMs);
  const steadyOwnLatency = latency(steadyOwn);
  const bigOwnLatency = latency(bigOwn);
  const worstTurnMs = Math.max(steadyOwnLatency.max, longTokenMs);
  const naiveLatency = latency(naivePass.samplesMs);
  const pct = (hits: number, n: number) => `${((100 * hits) / n).toFixed(1)}% (${hits}/${n})`;
  const ms = (n: number) => `${n.toFixed(2)} ms`;

  const rows: [string, string, string][] = [
    ['pages / sections / secondary docs', `${kb.pages.length} / ${kb.pages.reduce((n, p) => n + p.sections.length, 0)} / ${kb.secondary.length}`, ''],
    ['cold start (load + index)', ms(engineColdMs), `fuse index ${ms(naiveIndexMs)} (+ shared parse)`],
    ['start-up search warm-up (questions, CPU / wall)', `${warmUp.questions}, ${ms(warmUp.cpuMs)} / ${ms(warmUp.wallMs)}`, 'createEngine runs it in the background'],
    ['first pass p50 / p99 (after warm-up)', `${ms(engineFirst.p50)} / ${ms(engineFirst.p99)}`, `${ms(naiveLatency.p50)} / ${ms(naiveLatency.p99)}`],
    [`steady state p50 / p99 (${REPEATS}x${questions.length})`, `${ms(engineSteady.p50)} / ${ms(engineSteady.p99)}`, '(no cache: same as first pass)'],
    ['steady state max', ms(engineSteady.max), ms(naiveLatency.max)],
    ['CPU time: first pass p99 / steady p50 / p99', `${ms(firstCpu.p99)} / ${ms(steadyCpuLatency.p50)} / ${ms(steadyCpuLatency.p99)}`, "the process's, background threads included"],
    ['CPU time: first pass, no warm-up, p50 / p99 / max', cold ? `${ms(cold.cpu.p50)} / ${ms(cold.cpu.p99)} / ${ms(cold.cpu.max)}` : 'not measured', 'a fresh process, as `cli ask` runs'],
    ['min(wall, CPU): first pass p99 / steady p50 / p99', `${ms(firstOwn.p99)} / ${ms(steadyOwnLatency.p50)} / ${ms(steadyOwnLatency.p99)}`, 'targets are judged on this'],
    ['min(wall, CPU): no warm-up p99 / 10x p99', `${cold ? ms(cold.own.p99) : 'n/a'} / ${ms(bigOwnLatency.p99)}`, ''],
    ['CPU time: 10x docs p50 / p99', `${ms(bigCpuLatency.p50)} / ${ms(bigCpuLatency.p99)}`, ''],
    ['worst single turn (steady max of min(wall, CPU), long token)', ms(worstTurnMs), ''],
    ['10x docs: index / steady p50 / p99', `${ms(tenfoldIndexMs)} / ${ms(bigSteady.p50)} / ${ms(bigSteady.p99)}`, `p99 ratio to 1x: ${(bigSteady.p99 / Math.max(engineSteady.p99, 1e-6)).toFixed(1)}x`],
    ['one 8000-character token', ms(longTokenMs), ''],
    [`top-1, eval sets (${questions.length})`, pct(firstPass.top1, questions.length), ''],
    [`top-1, naive sample (${sample.length})`, pct(engineOnSample, sample.length), pct(naivePass.top1, sample.length)],
    ['peak RSS (process at start)', `${engineRssMb.toFixed(1)} MB (${startRssMb.toFixed(1)} MB)`, `${totalRssMb.toFixed(1)} MB (after both)`],
    ['speed ratio (naive p50 / engine steady p50)', `${(naiveLatency.p50 / Math.max(engineSteady.p50, 1e-6)).toFixed(0)}x faster`, ''],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'measure'.padEnd(width)}  ${'engine'.padEnd(24)}  naive fuse.js baseline`);
  for (const [label, engine, base] of rows) console.log(`${label.padEnd(width)}  ${engine.padEnd(24)}  ${base}`);

  const missed: string[] = [];
  // Judged on min(wall, CPU) per question (see `pass`): wall-clock tails on a shared machine measure the
  // queue for a core, and process CPU tails measure V8 compiling in the background while a 0.1 ms
  // question runs (a question whose CPU time exceeds its wall time used another thread's time).
  if (steadyOwnLatency.p99 > TARGETS.steadyP99Ms) missed.push(`steady-state p99 ${ms(steadyOwnLatency.p99)} > ${TARGETS.steadyP99Ms} ms`);
  if (firstOwn.p99 > TARGETS.firstPassP99Ms) missed.push(`first-pass p99 ${ms(firstOwn.p99)} > ${TARGETS.firstPassP99Ms} ms`);
  if (bigOwnLatency.p99 > TARGETS.tenfoldP99Ms) missed.push(`10x docs p99 ${ms(bigOwnLatency.p99)} > ${TARGETS.tenfoldP99Ms} ms`);
  if (worstTurnMs > TARGETS.worstTurnMs) missed.push(`worst single turn ${ms(worstTurnMs)} > ${TARGETS.worstTurnMs} ms`);
  if (engineColdMs > TARGETS.coldStartMs) missed.push(`cold start ${ms(engineColdMs)} > ${TARGETS.coldStartMs} ms`);
  if (engineRssMb > TARGETS.peakRssMb) missed.push(`peak RSS ${engineRssMb.toFixed(1)} MB > ${TARGETS.peakRssMb} MB`);
  for (const m of missed) console.error(`bench target MISSED: ${m}`);
  // Wall-clock tails on a shared machine include other processes' CPU; say so, so a miss can be judged.
  const load = loadavg()[0] ?? 0;
  const busy = load > availableParallelism();
  if (busy) console.error(`note: load average ${load.toFixed(1)} exceeds ${availableParallelism()} CPUs; p99 and cold start include time spent waiting for a CPU`);

  console.log(
    JSON.stringify({
      bench: true,
      questions: questions.length,
      repeats: REPEATS,
      engine: {
        coldStartMs: fixed(engineColdMs, 1),
        warmUp: { questions: warmUp.questions, cpuMs: fixed(warmUp.cpuMs, 1), wallMs: fixed(warmUp.wallMs, 1) },
        firstPass: { p50Ms: fixed(engineFirst.p50, 3), p99Ms: fixed(engineFirst.p99, 3), maxMs: fixed(engineFirst.max, 3) },
        ...(cold ? { firstPassWithoutWarmUp: { p50Ms: fixed(cold.wall.p50, 3), p99Ms: fixed(cold.wall.p99, 3), cpuP50Ms: fixed(cold.cpu.p50, 3), cpuP99Ms: fixed(cold.cpu.p99, 3), cpuMaxMs: fixed(cold.cpu.max, 3) } } : {}),
        steady: { p50Ms: fixed(engineSteady.p50, 3), p99Ms: fixed(engineSteady.p99, 3), maxMs: fixed(engineSteady.max, 3) },
        top1: fixed(firstPass.top1 / questions.length, 3),
        top1OnNaiveSample: fixed(engineOnSample / sample.length, 3),
        own: { firstPassP99Ms: fixed(firstOwn.p99, 3), steadyP50Ms: fixed(steadyOwnLatency.p50, 3), steadyP99Ms: fixed(steadyOwnLatency.p99, 3), tenfoldP99Ms: fixed(bigOwnLatency.p99, 3), ...(cold ? { firstPassWithoutWarmUpP99Ms: fixed(cold.own.p99, 3) } : {}) },
        cpu: { firstPassP99Ms: fixed(firstCpu.p99, 3), steadyP50Ms: fixed(steadyCpuLatency.p50, 3), steadyP99Ms: fixed(steadyCpuLatency.p99, 3), tenfoldP50Ms: fixed(bigCpuLatency.p50, 3), tenfoldP99Ms: fixed(bigCpuLatency.p99, 3) },
        tenfold: { indexMs: fixed(tenfoldIndexMs, 1), p50Ms: fixed(bigSteady.p50, 3), p99Ms: fixed(bigSteady.p99, 3) },
        longTokenMs: fixed(longTokenMs, 3),
        worstTurnMs: fixed(worstTurnMs, 3),
        peakRssMb: fixed(engineRssMb, 1),
        rssAtStartMb: fixed(startRssMb, 1),
      },
      naive: {
        queries: sample.length,
        indexMs: fixed(naiveIndexMs, 1),
        p50Ms: fixed(naiveLatency.p50, 1),
        p99Ms: fixed(naiveLatency.p99, 1),
        top1OnSample: fixed(naivePass.top1 / sample.length, 3),
        peakRssMbAfterBoth: fixed(totalRssMb, 1),
      },
      speedRatio: fixed(naiveLatency.p50 / Math.max(engineSteady.p50, 1e-6), 0),
      loadAverage: fixed(load, 2),
      cpus: availableParallelism(),
      targets: TARGETS,
      missed,
    }),
  );
  return missed.length ? 1 : 0;
}

if (process.argv.includes(COLD_FIRST_PASS)) coldFirstPass();
else process.exitCode = await main();
