import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/seam.ts';
import { PAGE_521 } from '../support/pasted.ts';
import { hasRedisServer, RedisServer } from '../support/redis-server.ts';

/** `cli chat --json`, the door scripts use: one line in per turn, one JSON Reply per line out. */
const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const temp = mkdtempSync(join(tmpdir(), 'cfbot-json-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function chatJson(lines: string[], options: { args?: string[]; env?: Record<string, string> } = { args: ['--memory'] }): Reply[] {
  const run = spawnSync(tsx, [join(root, 'adapters', 'cli', 'main.ts'), 'chat', '--json', ...(options.args ?? [])], {
    cwd: root,
    input: lines.map((l) => `${l}\n`).join(''),
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, DATA_DIR: temp, LOG_LEVEL: 'silent', ...options.env },
  });
  expect(run.status).toBe(0);
  return run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Reply);
}


describe('cli chat --json', () => {
  it('a script sends a pasted error page as one JSON string line: one turn, the 521 answer, and a hand-off that keeps its Ray ID', () => {
    const replies = chatJson([JSON.stringify(PAGE_521), 'talk to a human']);
    const escalations = replies.filter((r) => r.escalation);
    expect(escalations).toHaveLength(1);
    const beforeHandoff = replies.slice(0, replies.indexOf(escalations[0] as Reply));
    const text = beforeHandoff.map((r) => `${r.title ?? ''} ${r.text}`).join('\n');
    expect(text).toMatch(/521/);
    // One turn: no reply about the page's other lines read as separate questions.
    expect(text).not.toMatch(/What error or symptom do you see|could not find/i);
    const summary = escalations[0]?.escalation?.summary ?? '';
    expect(summary).toContain('8e8c1f2a9b3d4e5f');
    expect(JSON.stringify(replies)).not.toContain('198.51.100.23');
  });

  it('a line that only looks like JSON is taken as typed', () => {
    const replies = chatJson(['"error 1020']);
    expect(replies.some((r) => /1020/.test(`${r.title ?? ''} ${r.text}`))).toBe(true);
  });
});

describe.runIf(hasRedisServer)('cli chat with REDIS_URL', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('keeps the conversation in Redis like the other doors: a second terminal with its own DATA_DIR continues the tree', () => {
    const session = ['--session', 'shared-terminal'];
    const first = chatJson(['my site shows error 522'], { args: session, env: { REDIS_URL: server.url, DATA_DIR: mkdtempSync(join(temp, 'a-')) } });
    const question = first.findLast((r) => r.choices?.length);
    expect(question?.title).toMatch(/Origin connectivity/);
    // Answer the tree's question by number from another machine's terminal: only a shared store knows what "1" means.
    const second = chatJson(['1'], { args: session, env: { REDIS_URL: server.url, DATA_DIR: mkdtempSync(join(temp, 'b-')) } });
    const text = second.map((r) => `${r.title ?? ''} ${r.text}`).join('\n');
    expect(text).toMatch(/picking up where we left off/);
    expect(second.at(-1)?.title).toMatch(/Origin connectivity/);
    expect(text).not.toMatch(/could not find this|from an earlier step/i);
  });
});
