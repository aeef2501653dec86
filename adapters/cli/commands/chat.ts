import { createInterface } from 'node:readline';
import { userInfo } from 'node:os';
import { loadConfig } from '../../../src/config.ts';
import type { Choice, SupportEngine, Turn } from '../../../src/conversation/seam.ts';
import { createEngine } from '../../../src/engine.ts';
import { createLogger } from '../../../src/log.ts';
import { hasFlag, type CommandIo } from '../io.ts';
import { choiceFromInput, renderForTerminal } from '../render-terminal.ts';

const GREETING = 'Cloudflare support assistant. Describe the problem, paste an error page or a cdn-cgi/trace, or type an error code like 522.\nSay "start over" or "talk to a human" at any time; Ctrl+D to quit.';

function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * `chat [--json] [--session ID] [--memory]`: the terminal door.
 * People get numbered options; scripts (--json) get one JSON line per reply.
 * The human chat resumes the same conversation after a restart (sqlite under
 * DATA_DIR); --json starts a new one unless --session is given.
 */
export async function run(args: string[], io: CommandIo, engineOverride?: SupportEngine): Promise<number> {
  const json = hasFlag(args, '--json');
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const engine = engineOverride ?? (await createEngine({ config, logger, store: hasFlag(args, '--memory') ? 'memory' : 'sqlite' }));
  const session = optionValue(args, '--session') ?? (json ? `script-${process.pid}-${Date.now()}` : 'local');
  const user = safeUser();
  const color = !json && Boolean(process.stdout.isTTY);
  let offered: Choice[] = [];

  if (!json) io.out(GREETING);
  // Pick up a conversation left mid-tree by an earlier run (same session, same DATA_DIR).
  const resumed = await engine.handle({ conversation: { platform: 'cli', id: session, user }, input: { kind: 'command', name: 'resume', args: {} } });
  offered = resumed.flatMap((r) => r.choices ?? []);
  for (const reply of resumed) io.out(json ? JSON.stringify(reply) : `\n${renderForTerminal(reply, color)}\n`);
  const rl = createInterface({ input: process.stdin, terminal: false });
  // SIGTERM/Ctrl+C: stop reading, let the turn in progress answer, close the store; a second one exits at once.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    rl.close();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const prompt = () => {
    if (!json && process.stdout.isTTY) process.stdout.write('> ');
  };
  prompt();
  for await (const line of rl) {
    if (!line.trim() && !json) {
      prompt();
      continue;
    }
    const choiceId = choiceFromInput(line, offered);
    const turn: Turn = {
      conversation: { platform: 'cli', id: session, user },
      input: choiceId ? { kind: 'choice', choiceId } : { kind: 'text', text: line },
    };
    const replies = await engine.handle(turn);
    offered = replies.flatMap((r) => r.choices ?? []);
    for (const reply of replies) io.out(json ? JSON.stringify(reply) : `\n${renderForTerminal(reply, color)}\n`);
    prompt();
  }
  process.off('SIGTERM', stop);
  process.off('SIGINT', stop);
  await engine.close();
  return 0;
}

function safeUser(): string {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
}
