/**
 * CI quality gate: answers every dev-set question through the same path the
 * bot uses (loadEngineKnowledge + answerPlan) and fails the build when top-1
 * drops under 90 % or an unanswerable question gets an answer anyway.
 * Usage: npm run quality [-- <file.jsonl>]
 */
import { answerPlan } from '../src/conversation/answer-plan.ts';
import { loadEngineKnowledge, type EngineKnowledge } from '../src/engine-knowledge.ts';
import { defaultEvalFile, KNOWLEDGE_DIR, readEvalSet, scoreAnswer, type EvalQuestion } from './eval-set.ts';

const MIN_TOP1 = 0.9;

function main(): number {
  let questions: EvalQuestion[];
  let knowledge: EngineKnowledge;
  try {
    questions = readEvalSet(process.argv[2] ?? defaultEvalFile());
    knowledge = loadEngineKnowledge(KNOWLEDGE_DIR);
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
  console.log(`quality: top-1 ${percent(top1)} top-3 ${percent(top3)} (${questions.length} questions)`);
  if (misses.length) console.log(`top-1 misses:\n${misses.join('\n')}`);

  const failures: string[] = [];
  if (top1 / questions.length < MIN_TOP1) failures.push(`top-1 ${percent(top1)} is below ${MIN_TOP1 * 100}%`);
  if (answeredUnanswerable.length) failures.push(`${answeredUnanswerable.length} "none" question(s) did not abstain:\n${answeredUnanswerable.join('\n')}`);
  for (const failure of failures) console.error(`quality gate FAILED: ${failure}`);
  return failures.length ? 1 : 0;
}

process.exitCode = main();
