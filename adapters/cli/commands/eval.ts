import { answerPlan } from '../../../src/conversation/answer-plan.ts';
import { loadEngineKnowledge } from '../../../src/engine-knowledge.ts';
import { percentile } from '../../../src/retrieval/percentile.ts';
import { readEvalSet, tally, type EvalQuestion } from '../../../src/retrieval/eval-set.ts';
import { readArgsWithSubject, type CommandIo } from '../io.ts';

const USAGE = 'usage: eval <file.jsonl> [--predictions]';

/** `eval <file.jsonl> [--predictions]`: one prediction line per question, then a summary line. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = readArgsWithSubject(args, { predictions: { type: 'boolean' } }, io, USAGE);
  if (!parsed) return 2;
  const file = parsed.subject;
  let lines: EvalQuestion[];
  try {
    lines = readEvalSet(file);
  } catch (error) {
    io.err(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const knowledge = loadEngineKnowledge();
  const printPredictions = parsed.values.predictions === true;
  const times: number[] = [];
  const rows = lines.map((question) => {
    const started = performance.now();
    const { search } = answerPlan(knowledge, question.q);
    const ms = performance.now() - started;
    times.push(ms);
    const ids = search.docs.map((d) => d.id);
    if (printPredictions) io.out(JSON.stringify({ q: question.q, docs: ids, abstain: search.abstain, outcome: search.outcome, ms: Number(ms.toFixed(3)) }));
    return { question, ids, abstain: search.abstain, suggested: search.outcome === 'suggest' };
  });
  const t = tally(rows);
  const pct = (n: number) => Number(((100 * n) / Math.max(1, lines.length)).toFixed(1));
  io.out(
    JSON.stringify({
      summary: true,
      questions: t.questions,
      top1: pct(t.top1),
      top3: pct(t.top3),
      correct: t.correct,
      wrong: t.wrong,
      falseAbstain: t.falseAbstain,
      suggestionsOnly: t.suggestionsOnly,
      noneAbstained: `${t.noneAbstained}/${t.noneTotal}`,
      p50ms: Number(percentile(times, 0.5).toFixed(3)),
      p99ms: Number(percentile(times, 0.99).toFixed(3)),
    }),
  );
  return 0;
}
