import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm run bench:start`: whole-process start to the first answer, measured the way an operator
 * feels it, against a bare `node -e 0` in the same run (the machine's own floor). Targets for the
 * compiled entry points: <= 400 ms and <= 6x bare node. The `npm` variants are reported too:
 * npm itself costs a few hundred milliseconds before our code runs.
 */
const root = resolve(import.meta.dirname, '..');
const REPEATS = Number(process.env.BENCH_START_REPEATS ?? 7);
const TARGET_MS = 400;
const TARGET_RATIO = 6;
const QUESTION = 'error 1020';
const ANSWER = /developers\.cloudflare\.com/;

type Case = { name: string; command: string; args: string[]; stdin?: string; gated: boolean };

function timeToAnswer(c: Case, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolveTime, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(c.command, c.args, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let answeredAt: bigint | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!answeredAt && (c.name === 'node -e 0' || ANSWER.test(out))) answeredAt = process.hrtime.bigint();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const end = answeredAt ?? process.hrtime.bigint();
      if (code !== 0 || (!answeredAt && c.name !== 'node -e 0')) reject(new Error(`${c.name} exited ${code} without an answer:\n${out.slice(0, 500)}`));
      else resolveTime(Number(end - started) / 1e6);
    });
    if (c.stdin !== undefined) child.stdin.end(c.stdin);
    else child.stdin.end();
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function main(): Promise<number> {
  if (!existsSync(join(root, 'dist', '.built'))) {
    console.error('bench:start measures the compiled build: run `npm run build` first.');
    return 1;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cfbot-bench-start-'));
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|REDIS|DOORS|npm_)/.test(k)));
  Object.assign(env, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const cases: Case[] = [
    { name: 'node -e 0', command: process.execPath, args: ['-e', '0'], gated: false },
    { name: 'node dist/main.js (terminal chat)', command: process.execPath, args: ['dist/main.js'], stdin: `${QUESTION}\n`, gated: true },
    { name: 'node dist/cli/main.js ask --json', command: process.execPath, args: ['dist/cli/main.js', 'ask', '--json', QUESTION], gated: true },
    { name: 'npm start (terminal chat)', command: 'npm', args: ['start', '--silent'], stdin: `${QUESTION}\n`, gated: false },
    { name: 'npm run --silent cli -- ask --json', command: 'npm', args: ['run', '--silent', 'cli', '--', 'ask', '--json', QUESTION], gated: false },
  ];
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  try {
    // The first start writes the knowledge snapshot; every measured start reads it.
    for (const c of cases) await timeToAnswer(c, env);
    // Interleaved, so load on this shared machine hits every case alike.
    for (let i = 0; i < REPEATS; i++) for (const c of cases) times.get(c.name)?.push(await timeToAnswer(c, env));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const floor = median(times.get('node -e 0') ?? []);
  let missed = false;
  console.log(`start to first answer, median of ${REPEATS} (snapshot warm), question typed at once: "${QUESTION}"`);
  for (const c of cases) {
    const ms = median(times.get(c.name) ?? []);
    const ratio = ms / floor;
    const verdict = c.gated ? (ms <= TARGET_MS && ratio <= TARGET_RATIO ? 'ok' : 'MISSED') : '';
    if (verdict === 'MISSED') missed = true;
    console.log(`  ${c.name.padEnd(46)} ${ms.toFixed(0).padStart(5)} ms  ${ratio.toFixed(1).padStart(4)}x node  ${verdict}`);
  }
  console.log(`targets for the compiled entry points: <= ${TARGET_MS} ms and <= ${TARGET_RATIO}x \`node -e 0\``);
  return missed ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
