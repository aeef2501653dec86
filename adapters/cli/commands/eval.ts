import { answerPlan } from '../../../src/conversation/answer-plan.ts';
import { loadEngineKnowledge } from '../../../src/engine-knowledge.ts';
import { readEvalSet, scoreAnswer, type EvalQuestion } from '../../../src/retrieval/eval-set.ts';
import { hasFlag, positionals, type CommandIo } from '../io.ts';

/** `eval <file.jsonl> [--predictions]`: one prediction line per question, then a summary line. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const [file] = positionals(args);
  if (!file) {
    io.err('usage: eval <file.jsonl> [--predictions]');
    return 2;
  }
  let lines: EvalQuestion[];
  try {
    lines = readEvalSet(file);
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
    const score = scoreAnswer(line, ids, search.abstain);
    if (score.top1) top1++;
    if (score.top3) top3++;
    if (line.expect === 'none') {
      noneTotal++;
      if (search.abstain) noneAbstained++;
    }
  }
  times.sort((a, b) => a - b);
  const pct = (n: number) => Number(((100 * n) / Math.max(1, lines.length)).toFixed(1));
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(3));
  io.out(JSON.stringify({ summary: true, questions: lines.length, top1: pct(top1), top3: pct(top3), noneAbstained: `${noneAbstained}/${noneTotal}`, p50ms: at(0.5), p99ms: at(0.99) }));
  return 0;
}
