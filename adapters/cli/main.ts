import { loadDotEnv } from '../../src/config.ts';
import { processIo, type Command } from './io.ts';

/** One entry point for operators and scripts; each command lives in its own file and is loaded on demand. */
const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  ask: () => import('./commands/ask.ts'),
  eval: () => import('./commands/eval.ts'),
  chat: () => import('./commands/chat.ts'),
  'kb stats': () => import('./commands/kb-stats.ts'),
  'kb lint': () => import('./commands/kb-lint.ts'),
  'kb flow': () => import('./commands/kb-flow.ts'),
  report: () => import('./commands/report.ts'),
};

const USAGE = `usage: cli <command>
  ask [--json] "<question>"          the page that answers a question
  eval <file.jsonl> [--predictions]  score retrieval on labelled questions
  chat [--json]                      talk to the bot in the terminal
  kb stats                           what the knowledge contains
  kb lint [dir]                      check every decision tree
  kb flow <id> --mermaid             print a decision tree as a Mermaid diagram
  report [--since 7d] [--json] [--html FILE]  the knowledge-gap report over the store`;

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const [first, second, ...rest] = argv;
  const twoWord = first && second ? `${first} ${second}` : '';
  const key = twoWord in COMMANDS ? twoWord : first ?? '';
  const args = key === twoWord ? rest : argv.slice(1);
  const load = COMMANDS[key];
  if (!load) {
    processIo.err(USAGE);
    return first ? 2 : 0;
  }
  const { run } = await load();
  return run(args, processIo);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    processIo.err(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
