import { createInterface, type Interface } from 'node:readline';
import { userInfo } from 'node:os';
import { loadConfig } from '../../../src/config.ts';
import type { Choice, Reply, SupportEngine, Turn } from '../../../src/conversation/seam.ts';
import { createEngine, storeKindFor } from '../../../src/create-engine.ts';
import { createLogger } from '../../../src/log.ts';
import { readArgs, type CommandIo } from '../io.ts';
import { decodeJsonLine } from '../json-line.ts';
import { readMessages } from '../message-reader.ts';
import { choiceFromInput, renderForTerminal, wantsColor } from '../render-terminal.ts';

const GREETING = 'Cloudflare support assistant. Describe the problem, paste an error page or a cdn-cgi/trace, or type an error code like 522.\nSay "start over" or "talk to a human" at any time; Ctrl+D to quit.';

/** Scripts: one line per turn, a JSON string literal for multi-line text. */
async function* jsonLines(lines: Interface | undefined): AsyncGenerator<string> {
  if (!lines) return;
  for await (const line of lines) yield decodeJsonLine(line);
}

/**
 * `chat [--json] [--session ID] [--memory]`: the terminal door.
 * People get numbered options and a pasted page or trace is one message;
 * scripts (--json) get one JSON line per reply.
 * The human chat resumes the same conversation after a restart (sqlite under
 * DATA_DIR, or the bot's Redis when REDIS_URL is set, like every other door);
 * --json starts a new one unless --session is given.
 */
export async function run(args: string[], io: CommandIo, engineOverride?: SupportEngine): Promise<number> {
  const parsed = readArgs(args, { json: { type: 'boolean' }, session: { type: 'string' }, memory: { type: 'boolean' } }, io, 'usage: chat [--json] [--session ID] [--memory]');
  if (!parsed) return 2;
  const json = parsed.values.json === true;
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const engine = engineOverride ?? (await createEngine({ config, logger, store: parsed.values.memory ? 'memory' : storeKindFor(config) }));
  const session = parsed.values.session ?? (json ? `script-${process.pid}-${Date.now()}` : 'local');
  const user = safeUser();
  const color = !json && wantsColor(process.stdout.isTTY, config.NO_COLOR);
  const show = (replies: Reply[]) => {
    for (const reply of replies) io.out(json ? JSON.stringify(reply) : `\n${renderForTerminal(reply, color)}\n`);
  };
  let offered: Choice[] = [];

  if (!json) io.out(GREETING);
  // Pick up a conversation left mid-tree by an earlier run (same session, same DATA_DIR).
  const resumed = await engine.handle({ conversation: { platform: 'cli', id: session, user }, input: { kind: 'command', name: 'resume', args: {} } });
  offered = resumed.flatMap((r) => r.choices ?? []);
  show(resumed);
  const lines = json ? createInterface({ input: process.stdin, terminal: false }) : undefined;
  const reader = lines ? undefined : readMessages(process.stdin, process.stdout);
  // SIGTERM/Ctrl+C: stop reading, let the turn in progress answer, close the store; a second one exits at once.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    if (reader) reader.close();
    else lines?.close();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  reader?.prompt();
  for await (const message of reader?.messages ?? jsonLines(lines)) {
    if (!message.trim() && !json) {
      reader?.prompt();
      continue;
    }
    const choiceId = choiceFromInput(message, offered);
    const turn: Turn = {
      conversation: { platform: 'cli', id: session, user },
      input: choiceId ? { kind: 'choice', choiceId } : { kind: 'text', text: message },
    };
    const replies = await engine.handle(turn);
    offered = replies.flatMap((r) => r.choices ?? []);
    show(replies);
    reader?.prompt();
  }
  process.off('SIGTERM', stop);
  process.off('SIGINT', stop);
  reader?.close();
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
