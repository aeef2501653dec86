import { createInterface, type Interface } from 'node:readline';

/**
 * The human terminal's input as messages, not lines: a pasted error page or
 * trace is one turn. Terminals that support bracketed paste wrap a paste in
 * ESC[200~ … ESC[201~ (Node's readline reports them as paste-start and
 * paste-end keys); for terminals without it, and for piped input, lines that
 * arrive together in one burst are one message, because nobody types two
 * lines within a few milliseconds.
 */

const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';
/** Quiet time that ends a burst: far below typing speed, well above how long a terminal takes to deliver one paste. */
export const BURST_QUIET_MS = 60;

type Input = NodeJS.ReadableStream & { isTTY?: boolean };
type Output = NodeJS.WritableStream & { isTTY?: boolean };

export type MessageReader = {
  messages: AsyncIterable<string>;
  /** Shows the prompt (through readline on a terminal, so editing redraws it correctly). */
  prompt(): void;
  close(): void;
};

export function readMessages(input: Input, output: Output, quietMs = BURST_QUIET_MS): MessageReader {
  const terminal = Boolean(input.isTTY && output.isTTY);
  const rl: Interface = createInterface({ input, ...(terminal ? { output } : {}), terminal });
  rl.setPrompt('> ');
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let pending: string[] = [];
  let pasting = false;
  let timer: NodeJS.Timeout | undefined;

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const message = pending.join('\n');
    pending = [];
    queue.push(message);
    wake?.();
  };

  rl.on('line', (line) => {
    pending.push(line);
    if (pasting) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, quietMs);
  });
  if (terminal) {
    output.write(BRACKETED_PASTE_ON);
    // readline has already handled the key when this listener runs: a paste's last line without a newline is still in rl.line.
    input.on('keypress', (_s: string | undefined, key: { name?: string } | undefined) => {
      if (key?.name === 'paste-start') {
        pasting = true;
      } else if (key?.name === 'paste-end') {
        pasting = false;
        if (rl.line) {
          pending.push(rl.line);
          rl.write(null, { ctrl: true, name: 'u' }); // clear the edit line: its text is now part of the message
        }
        flush();
      }
    });
  }
  rl.on('close', () => {
    flush();
    ended = true;
    if (terminal) output.write(BRACKETED_PASTE_OFF);
    wake?.();
  });

  async function* messages(): AsyncGenerator<string> {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }

  return {
    messages: messages(),
    prompt: () => {
      if (terminal) rl.prompt();
    },
    close: () => rl.close(),
  };
}
