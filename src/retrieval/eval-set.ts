import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Labelled questions (`{"q","expect","alt"?}` per line, `expect: "none"` for
 * questions the bot must decline) and how an answer to one is scored. Shared
 * by `cli eval`, the quality gate and the benchmark so all three agree.
 */
const evalLineSchema = z.object({ q: z.string(), expect: z.string().min(1), alt: z.array(z.string()).optional() });
export type EvalQuestion = z.infer<typeof evalLineSchema>;

export function readEvalSet(file: string): EvalQuestion[] {
  if (!existsSync(file)) throw new Error(`eval file not found: ${file}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${number}: not JSON: ${(error as Error).message}`);
      }
      const parsed = evalLineSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${file}:${number}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
      return parsed.data;
    });
}

/**
 * Scored like `cli eval`: a `none` question is right only when the bot abstains;
 * otherwise an abstention is wrong. Our own sets may also say `"expect": "suggest"`:
 * on topic but too vague for one page, right only when the bot offers suggestions.
 */
export function scoreAnswer(question: EvalQuestion, ids: string[], abstain: boolean, outcome?: string): { top1: boolean; top3: boolean } {
  if (question.expect === 'none') return { top1: abstain, top3: abstain };
  if (question.expect === 'suggest') return { top1: outcome === 'suggest', top3: outcome === 'suggest' };
  const good = new Set([question.expect, ...(question.alt ?? [])]);
  return { top1: !abstain && good.has(ids[0] ?? ''), top3: ids.slice(0, 3).some((id) => good.has(id)) };
}

/** What happened to one question, in the categories `cli eval` and the quality gate count. */
export type EvalVerdict = 'correct' | 'wrong' | 'false-abstain' | 'none-abstained' | 'none-answered';

export function verdict(question: EvalQuestion, ids: string[], abstain: boolean, outcome?: string): EvalVerdict {
  if (question.expect === 'none') return abstain ? 'none-abstained' : 'none-answered';
  if (abstain) return 'false-abstain';
  return scoreAnswer(question, ids, abstain, outcome).top1 ? 'correct' : 'wrong';
}

export type EvalTally = {
  questions: number;
  top1: number;
  top3: number;
  correct: number;
  wrong: number;
  falseAbstain: number;
  /** Answerable questions answered with a suggestion list rather than one page (right or not). */
  suggestionsOnly: number;
  noneTotal: number;
  noneAbstained: number;
};

export function tally(rows: { question: EvalQuestion; ids: string[]; abstain: boolean; suggested: boolean }[]): EvalTally {
  const outcomeOf = (r: { abstain: boolean; suggested: boolean }) => (r.abstain ? 'abstain' : r.suggested ? 'suggest' : 'answer');
  const t: EvalTally = { questions: rows.length, top1: 0, top3: 0, correct: 0, wrong: 0, falseAbstain: 0, suggestionsOnly: 0, noneTotal: 0, noneAbstained: 0 };
  for (const row of rows) {
    const { question, ids, abstain, suggested } = row;
    const score = scoreAnswer(question, ids, abstain, outcomeOf(row));
    if (score.top1) t.top1++;
    if (score.top3) t.top3++;
    const v = verdict(question, ids, abstain, outcomeOf(row));
    if (v === 'correct') t.correct++;
    else if (v === 'wrong') t.wrong++;
    else if (v === 'false-abstain') t.falseAbstain++;
    if (question.expect === 'none') t.noneTotal++;
    if (v === 'none-abstained') t.noneAbstained++;
    if (suggested && question.expect !== 'none' && question.expect !== 'suggest') t.suggestionsOnly++;
  }
  return t;
}
