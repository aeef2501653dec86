import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export type LogLine = { level: number; msg: string; [key: string]: unknown };

/** The environment a test process starts from: no real credentials, no Redis, nothing from the developer's shell. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|REDIS|DOORS|PORT|HOST|URL_CHECKS|STATUS_PAGE)_?/.test(k)));
  return { ...base, LOG_LEVEL: 'info', ...extra };
}

/**
 * The real `npm start` entry (adapters/main.ts) in its own process, with its JSON log lines
 * collected so a test can wait for what an operator would read.
 */
export class BotProcess {
  readonly logs: LogLine[] = [];
  stdout = '';
  stderrText = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(env: Record<string, string>, options: { cwd?: string; entry?: string[] } = {}) {
    // node --import tsx, not the tsx CLI: one process, so signals (SIGHUP included) reach the bot itself.
    this.child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ...(options.entry ?? [join(ROOT, 'adapters', 'main.ts')])], { cwd: options.cwd ?? ROOT, env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let partial = '';
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrText += chunk.toString('utf8');
      partial += chunk.toString('utf8');
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // not a log line (start-up failure text): kept in stderrText
        }
      }
      this.notify();
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString('utf8');
      this.notify();
    });
    this.exited = new Promise((resolveExit) => this.child.on('exit', (code, signal) => {
      this.notify();
      resolveExit({ code, signal });
    }));
  }

  private notify(): void {
    for (const waiter of this.waiters) waiter();
  }

  /** Resolves when `find` returns something, re-checked on every output; rejects after the timeout with what was seen. */
  async waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
    const found = find();
    if (found !== undefined) return found;
    return new Promise<T>((resolveFound, reject) => {
      const check = () => {
        const value = find();
        if (value === undefined) return;
        cleanup();
        resolveFound(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; stderr:\n${this.stderrText.slice(-3000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  waitForLog(msg: string | RegExp, timeoutMs?: number): Promise<LogLine> {
    return this.waitFor(() => this.logs.find((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(l.msg))), `log "${String(msg)}"`, timeoutMs);
  }

  /** The operator port, from the start-up log line. */
  async baseUrl(): Promise<string> {
    const line = await this.waitForLog(/^health, readiness and metrics/);
    return `http://127.0.0.1:${String(line.port)}`;
  }

  write(text: string): void {
    this.child.stdin?.write(text);
  }

  /** Closes stdin, as a script piping input does. */
  endInput(): void {
    this.child.stdin?.end();
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
