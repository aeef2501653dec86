import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { answerPlan } from '../../../src/conversation/answer-plan.ts';
import { loadEngineKnowledge } from '../../../src/engine-knowledge.ts';
import { hasFlag, positionals, type CommandIo } from '../io.ts';

const evalLineSchema = z.object({ q: z.string(), expect: z.string(), alt: z.array(z.string()).optional() });

/** `eval <file.jsonl> [--predictions]`: one prediction line per question, then a summary line. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const [file] = positionals(args);
  if (!file) {
    io.err('usage: eval <file.jsonl> [--predictions]');
    return 2;
  }
  let lines: z.infer<typeof evalLineSchema>[];
  try {
    lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
      const parsed = evalLineSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      return parsed.data;
    });
  } catch (error) {
    io.err(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const knowledge = loadEngineKnowledge();
  const printPredictions = hasFlag(args, '--predictions');
  let top1 = 0;
  let top3 = 0;
  let noneTotal = 0;
  let noneAbstained = 0;
  const times: number[] = [];
  for (const line of lines) {
    const started = performance.now();
    const { search } = answerPlan(knowledge, line.q);
    const ms = performance.now() - started;
    times.push(ms);
    const ids = search.docs.map((d) => d.id);
    if (printPredictions) io.out(JSON.stringify({ q: line.q, docs: ids, abstain: search.abstain, ms: Number(ms.toFixed(3)) }));
    const good = new Set([line.expect, ...(line.alt ?? [])]);
    if (line.expect === 'none') {
      noneTotal++;
      if (search.abstain) {
        noneAbstained++;
        top1++;
        top3++;
      }
    } else if (!search.abstain || ids.length) {
      if (!search.abstain && good.has(ids[0] ?? '')) top1++;
      if (ids.slice(0, 3).some((id) => good.has(id))) top3++;
    }
  }
  times.sort((a, b) => a - b);
  const pct = (n: number) => Number(((100 * n) / Math.max(1, lines.length)).toFixed(1));
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(3));
  io.out(JSON.stringify({ summary: true, questions: lines.length, top1: pct(top1), top3: pct(top3), noneAbstained: `${noneAbstained}/${noneTotal}`, p50ms: at(0.5), p99ms: at(0.99) }));
  return 0;
}
