import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real start-up path (`npm start` = adapters/main.ts), with no credentials: the terminal chat. */
const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const temp = mkdtempSync(join(tmpdir(), 'cfbot-start-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function start(env: Record<string, string>, input: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK)_/.test(k)));
  return spawnSync(tsx, [join(root, 'adapters', 'main.ts')], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...clean, DATA_DIR: join(temp, 'data'), LOG_LEVEL: 'silent', ...env },
  });
}

describe('npm start', () => {
  it('runs the terminal chat on a fresh machine with no Discord or Slack credentials', () => {
    const run = start({}, 'error 1020\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Cloudflare support assistant/);
    expect(run.stdout).toMatch(/developers\.cloudflare\.com\/support\/troubleshooting\/http-status-codes\/cloudflare-1xxx-errors\/error-1020\//);
  });

  it('refuses to start on a broken decision tree, naming the file, the node and what to fix', () => {
    const knowledge = join(temp, 'knowledge');
    cpSync(join(root, 'knowledge'), knowledge, { recursive: true });
    const file = join(knowledge, 'flows', 'workers.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('next: which-code', 'next: no-such-node'));
    const run = start({ KNOWLEDGE_DIR: knowledge }, 'error 1101\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('workers.yaml');
    expect(run.stderr).toContain('no-such-node');
    expect(run.stderr).toMatch(/does not exist/);
  });

  it('refuses to start on invalid configuration with a message naming the variable', () => {
    const run = start({ CONVERSATION_TTL_MINUTES: 'soon' }, '');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CONVERSATION_TTL_MINUTES');
  });
});
