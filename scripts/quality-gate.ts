/**
 * CI quality gate: answers every question through the same path the bot uses
 * (loadEngineKnowledge + answerPlan) and fails the build when top-1 drops
 * under a set's floor. By default it checks the shared dev set and our own
 * regression set (questions written for pages the dev set does not cover, and
 * off-topic ones) at 90 %, the shared set of real, messy posts and our held-out
 * set of the same kind at 85 %, and the vague set at 80 %. An
 * answered "none" question fails the dev set and is reported for the others.
 * Usage: npm run quality [-- <file.jsonl> ...]   (named files get the 90 % floor)
 */
import { answerPlan } from '../src/conversation/answer-plan.ts';
import { loadEngineKnowledge, type EngineKnowledge } from '../src/engine-knowledge.ts';
import { resolve } from 'node:path';
import { defaultEvalFile, KNOWLEDGE_DIR, readEvalSet, REPO_ROOT, sharedDir, tally, verdict, type EvalQuestion } from './eval-set.ts';

type Gate = { file: string; minTop1: number; everyNoneAbstains: boolean };
const STRICT = { minTop1: 0.9, everyNoneAbstains: true };

const REGRESSION_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'regression.jsonl');
const VAGUE_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'vague.jsonl');
const HOLDOUT_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout.jsonl');
const HOLDOUT_2_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-2.jsonl');
const HOLDOUT_3_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-3.jsonl');
const HOLDOUT_4_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-4.jsonl');
const HOLDOUT_5_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-5.jsonl');
const HOLDOUT_6_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-6.jsonl');
const HOLDOUT_7_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-7.jsonl');
const HOLDOUT_8_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-8.jsonl');
const HOLDOUT_9_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-9.jsonl');
const HOLDOUT_10_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-10.jsonl');
const HOLDOUT_11_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-11.jsonl');
const HOLDOUT_12_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-12.jsonl');
const HOLDOUT_13_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-13.jsonl');
const HOLDOUT_14_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-14.jsonl');
const HOLDOUT_15_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-15.jsonl');
const HOLDOUT_16_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-16.jsonl');
const HOLDOUT_17_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'holdout-17.jsonl');

function main(): number {
  let knowledge: EngineKnowledge;
  let gates: Gate[];
  try {
    gates =
      process.argv.length > 2
        ? process.argv.slice(2).map((file) => ({ file, ...STRICT }))
        : [
            { file: defaultEvalFile(), ...STRICT },
            // Our own set holds off-topic questions written to train the answer policy; one may slip.
            { file: REGRESSION_SET, minTop1: 0.9, everyNoneAbstains: false },
            { file: resolve(sharedDir(), 'eval', 'messy.jsonl'), minTop1: 0.85, everyNoneAbstains: false },
            // Vague but on-topic questions: right when the bot offers suggestions rather than one page or a "no".
            { file: VAGUE_SET, minTop1: 0.8, everyNoneAbstains: false },
            // Real posts paraphrased from public threads after the rest was tuned, kept out of fit:policy (tests/fixtures/eval/HOLDOUT.md).
            { file: HOLDOUT_SET, minTop1: 0.85, everyNoneAbstains: false },
            // The second one aims at pages the others use less; its first, blind run scored 71.7 %.
            { file: HOLDOUT_2_SET, minTop1: 0.8, everyNoneAbstains: false },
            // The third: the mix a help channel really gets; its blind run scored 81.7 %.
            { file: HOLDOUT_3_SET, minTop1: 0.8, everyNoneAbstains: false },
            // The fourth was written after all the tuning and never tuned on: the honest estimate (92 % blind).
            { file: HOLDOUT_4_SET, minTop1: 0.85, everyNoneAbstains: false },
            // Fifth to ninth: blind runs 88, 84, 90, 84 and 78 %, each run once before anything learned from it.
            { file: HOLDOUT_5_SET, minTop1: 0.85, everyNoneAbstains: false },
            { file: HOLDOUT_6_SET, minTop1: 0.85, everyNoneAbstains: false },
            { file: HOLDOUT_7_SET, minTop1: 0.85, everyNoneAbstains: false },
            { file: HOLDOUT_8_SET, minTop1: 0.85, everyNoneAbstains: false },
            { file: HOLDOUT_9_SET, minTop1: 0.85, everyNoneAbstains: false },
            // Tenth aims at the pages the others use least (blind 68 %); eleventh at the usual mix (blind 92 %).
            { file: HOLDOUT_10_SET, minTop1: 0.8, everyNoneAbstains: false },
            { file: HOLDOUT_11_SET, minTop1: 0.85, everyNoneAbstains: false },
            // Twelfth: owners configuring SSL, DNS, caching (blind 78 %); thirteenth: written to confuse, 14 "none" (blind 78 %).
            { file: HOLDOUT_12_SET, minTop1: 0.8, everyNoneAbstains: false },
            { file: HOLDOUT_13_SET, minTop1: 0.8, everyNoneAbstains: false },
            // Fourteenth: the public messy mix from less obvious searches (blind 70 %); fifteenth: no code named anywhere (blind 62 %).
            { file: HOLDOUT_14_SET, minTop1: 0.8, everyNoneAbstains: false },
            { file: HOLDOUT_15_SET, minTop1: 0.75, everyNoneAbstains: false },
            // Sixteenth: owners and visitors, partly from Q&A pages (blind 74 %).
            { file: HOLDOUT_16_SET, minTop1: 0.7, everyNoneAbstains: false },
            // Seventeenth: codes only inside pasted material, lures beside them (blind 68 %, nothing tuned on it).
            { file: HOLDOUT_17_SET, minTop1: 0.65, everyNoneAbstains: false },
          ];
    knowledge = loadEngineKnowledge(KNOWLEDGE_DIR);
  } catch (error) {
    console.error(`quality: cannot run: ${(error as Error).message}`);
    return 1;
  }
  return gates.map((g) => gate(g, knowledge)).some((code) => code !== 0) ? 1 : 0;
}

function gate({ file, minTop1, everyNoneAbstains }: Gate, knowledge: EngineKnowledge): number {
  let questions: EvalQuestion[];
  try {
    questions = readEvalSet(file);
  } catch (error) {
    console.error(`quality: cannot run: ${(error as Error).message}`);
    return 1;
  }
  if (!questions.length) {
    console.error('quality: the eval file has no questions');
    return 1;
  }

  const misses: string[] = [];
  const answeredUnanswerable: string[] = [];
  const rows = questions.map((question) => {
    const { search } = answerPlan(knowledge, question.q);
    const ids = search.docs.map((d) => d.id);
    const v = verdict(question, ids, search.abstain, search.outcome);
    if (v === 'none-answered') answeredUnanswerable.push(`  ${JSON.stringify(question.q)} answered with ${ids[0] ?? '(nothing)'}`);
    else if (v === 'wrong' || v === 'false-abstain') misses.push(`  ${JSON.stringify(question.q)} expected ${question.expect}, got ${search.abstain ? 'abstain' : ids[0] ?? '(nothing)'}`);
    return { question, ids, abstain: search.abstain, suggested: search.outcome === 'suggest' };
  });
  const t = tally(rows);
  const { top1, top3 } = t;

  const percent = (n: number) => `${((100 * n) / questions.length).toFixed(1)}%`;
  console.log(`quality: top-1 ${percent(top1)} top-3 ${percent(top3)} (${questions.length} questions, ${file.replace(`${resolve(REPO_ROOT, '..')}/`, '')})`);
  console.log(`  correct ${t.correct}, wrong ${t.wrong}, answerable abstained ${t.falseAbstain}, suggestions only ${t.suggestionsOnly}, "none" abstained ${t.noneAbstained}/${t.noneTotal}`);
  if (misses.length) console.log(`top-1 misses:\n${misses.join('\n')}`);

  const failures: string[] = [];
  if (top1 / questions.length < minTop1) failures.push(`top-1 ${percent(top1)} is below ${minTop1 * 100}%`);
  if (answeredUnanswerable.length && !everyNoneAbstains) console.log(`"none" questions answered:\n${answeredUnanswerable.join('\n')}`);
  if (answeredUnanswerable.length && everyNoneAbstains) failures.push(`${answeredUnanswerable.length} "none" question(s) did not abstain:\n${answeredUnanswerable.join('\n')}`);
  for (const failure of failures) console.error(`quality gate FAILED: ${failure}`);
  return failures.length ? 1 : 0;
}

process.exitCode = main();
