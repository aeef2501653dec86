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

/** Scored like `cli eval`: a `none` question is right only when the bot abstains; otherwise an abstention is wrong. */
export function scoreAnswer(question: EvalQuestion, ids: string[], abstain: boolean): { top1: boolean; top3: boolean } {
  if (question.expect === 'none') return { top1: abstain, top3: abstain };
  const good = new Set([question.expect, ...(question.alt ?? [])]);
  return { top1: !abstain && good.has(ids[0] ?? ''), top3: ids.slice(0, 3).some((id) => good.has(id)) };
}
