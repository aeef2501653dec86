import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real terminal for the terminal door: a tmux server on its own socket
 * running one command in a pane. `paste` loads a buffer and pastes it the way
 * a person's terminal would (bracketed with -p, as a plain burst without).
 */
export type TmuxPane = {
  /** The tmux -L socket name, for raw tmux commands in a test. */
  socket: string;
  paste(text: string, options: { bracketed: boolean }): void;
  type(line: string): void;
  screen(): string;
  waitFor(test: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
  kill(): void;
};

export function tmuxAvailable(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function startPane(command: string, options: { cwd: string; env: Record<string, string>; scratch: string }): TmuxPane {
  const socket = `cfbot-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', cwd: options.cwd });
  const envArgs = Object.entries(options.env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  tmux('-f', '/dev/null', 'new-session', '-d', '-x', '160', '-y', '50', ...envArgs, command);
  tmux('set-option', '-g', 'history-limit', '20000');
  let pastes = 0;
  const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-');
  return {
    socket,
    paste(text, { bracketed }) {
      const file = join(options.scratch, `paste-${pastes++}.txt`);
      writeFileSync(file, text);
      tmux('load-buffer', file);
      tmux('paste-buffer', '-d', ...(bracketed ? ['-p'] : []));
    },
    type(line) {
      tmux('send-keys', '-l', line);
      tmux('send-keys', 'Enter');
    },
    screen,
    async waitFor(test, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < until) {
        last = screen();
        if (test(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`terminal did not show what was expected within ${timeoutMs} ms; screen:\n${last}`);
    },
    kill() {
      try {
        tmux('kill-server');
      } catch {
        // already gone
      }
    },
  };
}
