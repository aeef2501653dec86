import { setTimeout as sleep } from 'node:timers/promises';
import type { KnowledgeBase } from '../knowledge/schema.ts';
import type { Languages } from './language.ts';

/**
 * Start-up warm-up for a long-running engine (the doors, the terminal chat).
 *
 * A fresh process pays, on its first questions, for compiling the search code:
 * V8 compiles a function when it first runs, optimises it once it is hot (on a
 * background thread, whose CPU time lands on whichever question is running),
 * and compiles each regular expression when it first meets a subject, again
 * for text holding any non-Latin-1 character (a curly quote, Cyrillic, Han).
 * Measured on a fresh engine: the first question ~15 ms, the first Russian one
 * ~10–20 ms, and a scatter of 4–10 ms questions while the optimiser catches up,
 * against ~0.3 ms once warm.
 *
 * The warm-up asks a few questions composed from the knowledge itself (never
 * from an eval set), in the shapes real posts take, a few rounds, one question
 * per event-loop turn, so a real question arriving meanwhile waits for one
 * question at most; createEngine starts it a second after start-up. Results never depend on what was asked before: the only
 * state a search leaves behind is caches of pure functions of a word (stems,
 * spelling corrections) and scratch arrays every search clears first.
 */
export const WARM_UP_ROUNDS = 5;

export function warmUpQuestions(kb: KnowledgeBase, languages: Languages['languages']): string[] {
  const answered = [...kb.codes].filter(([, ids]) => ids.length > 0);
  // An HTTP status any server returns, and one of Cloudflare's own codes (1xxx), which pins its page: two paths.
  const [code, pageIds] = answered.find(([c]) => Number(c) < 1000) ?? ['522', []];
  const cloudflareCode = answered.find(([c]) => Number(c) >= 1000)?.[0] ?? '1020';
  const page = kb.pageById.get(pageIds[0] ?? '') ?? kb.pages[0];
  const title = page?.title ?? 'Cloudflare error';
  const section = page?.sections[0];
  // A doc word with two letters swapped, so the spelling path runs too.
  const long = title.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? 'connection';
  const typo = long.length > 4 ? `${long.slice(0, 2)}${long[3]}${long[2]}${long.slice(4)}` : long;
  const english = [
    `what does error ${cloudflareCode} mean`,
    `${title} error ${code}`,
    // A real post's shape: a greeting, a quoted error in curly quotes, a pasted log line, addresses, a question.
    `Hi all — since yesterday my site shows “${title}” (HTTP ${code}). ${page?.description ?? ''}\n` +
      `2024-05-01T10:00:00Z [error] 1234#0: connect() failed (111: Connection refused) while connecting to upstream, client: 192.0.2.1, server: www.example.com, request: "GET /wp-admin/index.php HTTP/1.1"\n` +
      `curl -I https://www.example.com/ gives 'HTTP/2 ${code}'. Mail owner@example.com. ${section?.heading ?? ''}?`,
    `${typo} ${section?.text.slice(0, 200) ?? ''}`,
  ];
  // Each language the knowledge reads, through its own markers and phrases (Cyrillic and Han included).
  const others = languages.map((l) => `${l.markers.slice(0, 6).join(' ')} ${Object.keys(l.phrases).slice(0, 2).join(' ')} ${code}`);
  return [...english, ...others];
}

export type WarmUpReport = { questions: number; cpuMs: number; wallMs: number };
export type WarmUpOptions = {
  rounds?: number;
  /** Stops before the next question (the engine closed). */
  signal?: AbortSignal;
  /**
   * For an engine that is already answering: starts a second later, so a question typed at
   * start-up (the terminal chat) is answered first rather than between warm-up questions,
   * and its timers never keep a process alive (one that is otherwise done exits mid-warm-up).
   */
  background?: boolean;
};
const BACKGROUND_DELAY_MS = 1000;

/** Asks `questions` `rounds` times, one per event-loop turn. Resolves with what it cost. */
export async function warmUp(ask: (question: string) => unknown, questions: string[], options: WarmUpOptions = {}): Promise<WarmUpReport> {
  const timer = { ref: options.background !== true };
  if (options.background) await sleep(BACKGROUND_DELAY_MS, undefined, timer);
  const started = performance.now();
  let cpuMs = 0;
  let asked = 0;
  for (let round = 0; round < (options.rounds ?? WARM_UP_ROUNDS); round++) {
    for (const question of questions) {
      if (options.signal?.aborted) return { questions: asked, cpuMs, wallMs: performance.now() - started };
      const cpu = process.cpuUsage();
      ask(question);
      const used = process.cpuUsage(cpu);
      cpuMs += (used.user + used.system) / 1000;
      asked++;
      await sleep(0, undefined, timer);
    }
  }
  return { questions: asked, cpuMs, wallMs: performance.now() - started };
}
