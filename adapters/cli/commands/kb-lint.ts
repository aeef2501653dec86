import { join } from 'node:path';
import { settingFromEnv } from '../../../src/config.ts';
import { checkFlowDir } from '../../../src/flows/load-flows.ts';
import { formatProblem } from '../../../src/flows/problems.ts';
import { loadKnowledge } from '../../../src/knowledge/load.ts';
import type { KnowledgeBase } from '../../../src/knowledge/schema.ts';
import { WORDING_FILE, wordingProblems } from '../../../src/knowledge/wording.ts';
import { readArgs, type CommandIo } from '../io.ts';

/**
 * `kb lint [knowledgeDir] [--flows <dir>]`: every problem in every decision
 * tree, one `file: node "x": reason` line each, and in the wording file, one
 * `file: key: reason` line each; exit 1 if there is any.
 * `--flows` checks another folder of trees against the same docs (fixtures, drafts).
 */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = readArgs(args, { flows: { type: 'string' } }, io, 'usage: kb lint [knowledgeDir] [--flows <dir>]');
  if (!parsed) return 2;
  const flowsOverride = parsed.values.flows;
  const dir = parsed.positionals[0] ?? settingFromEnv('KNOWLEDGE_DIR');

  let kb: KnowledgeBase;
  try {
    kb = loadKnowledge(dir);
  } catch (error) {
    // A broken docs dump makes every cite look wrong; report that instead of hundreds of cite problems.
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const { flows, problems: flowProblems } = checkFlowDir(flowsOverride ?? join(dir, 'flows'), kb);
  const wordingFile = join(dir, WORDING_FILE);
  const problems = [
    ...flowProblems.map((problem) => ({ file: problem.file, line: formatProblem(problem) })),
    ...wordingProblems(wordingFile).map((problem) => ({ file: wordingFile, line: `${wordingFile}: ${problem.where}: ${problem.reason}` })),
  ];
  for (const problem of problems) io.out(problem.line);
  if (problems.length) {
    io.err(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.file)).size} file(s)`);
    return 1;
  }
  const nodes = flows.reduce((n, f) => n + Object.keys(f.flow.nodes).length, 0);
  io.out(`ok: ${flows.length} trees, ${nodes} nodes`);
  return 0;
}
