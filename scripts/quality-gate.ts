/**
 * CI quality gate: answers every question through the same path the bot uses
 * (loadEngineKnowledge + answerPlan) and fails the build when top-1 drops
 * under 90 % or an unanswerable question gets an answer anyway. By default it
 * checks the shared dev set and our own regression set (questions written
 * for pages the dev set does not cover), each on its own.
 * Usage: npm run quality [-- <file.jsonl> ...]
 */
import { answerPlan } from '../src/conversation/answer-plan.ts';
import { loadEngineKnowledge, type EngineKnowledge } from '../src/engine-knowledge.ts';
import { resolve } from 'node:path';
import { defaultEvalFile, KNOWLEDGE_DIR, readEvalSet, REPO_ROOT, scoreAnswer, type EvalQuestion } from './eval-set.ts';

const MIN_TOP1 = 0.9;

const REGRESSION_SET = resolve(REPO_ROOT, 'tests', 'fixtures', 'eval', 'regression.jsonl');

function main(): number {
  let knowledge: EngineKnowledge;
  let files: string[];
  try {
    files = process.argv.length > 2 ? process.argv.slice(2) : [defaultEvalFile(), REGRESSION_SET];
    knowledge = loadEngineKnowledge(KNOWLEDGE_DIR);
  } catch (error) {
    console.error(`quality: cannot run: ${(error as Error).message}`);
    return 1;
  }
  return files.map((file) => gate(file, knowledge)).some((code) => code !== 0) ? 1 : 0;
}

function gate(file: string, knowledge: EngineKnowledge): number {
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

  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  const answeredUnanswerable: string[] = [];
  for (const question of questions) {
    const { search } = answerPlan(knowledge, question.q);
    const ids = search.docs.map((d) => d.id);
    const score = scoreAnswer(question, ids, search.abstain);
    if (score.top1) top1++;
    if (score.top3) top3++;
    if (question.expect === 'none' && !search.abstain) answeredUnanswerable.push(`  ${JSON.stringify(question.q)} answered with ${ids[0] ?? '(nothing)'}`);
    else if (!score.top1) misses.push(`  ${JSON.stringify(question.q)} expected ${question.expect}, got ${search.abstain ? 'abstain' : ids[0] ?? '(nothing)'}`);
  }

  const percent = (n: number) => `${((100 * n) / questions.length).toFixed(1)}%`;
  console.log(`quality: top-1 ${percent(top1)} top-3 ${percent(top3)} (${questions.length} questions, ${file.replace(`${resolve(REPO_ROOT, '..')}/`, '')})`);
  if (misses.length) console.log(`top-1 misses:\n${misses.join('\n')}`);

  const failures: string[] = [];
  if (top1 / questions.length < MIN_TOP1) failures.push(`top-1 ${percent(top1)} is below ${MIN_TOP1 * 100}%`);
  if (answeredUnanswerable.length) failures.push(`${answeredUnanswerable.length} "none" question(s) did not abstain:\n${answeredUnanswerable.join('\n')}`);
  for (const failure of failures) console.error(`quality gate FAILED: ${failure}`);
  return failures.length ? 1 : 0;
}

process.exitCode = main();
