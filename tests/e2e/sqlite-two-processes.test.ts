import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { SqliteConversationStore } from '../../src/store/sqlite-store.ts';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'cfbot-two-writers-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function writer(label: string, turns: number, startAt: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tsx, [join(root, 'tests', 'support', 'sqlite-turns-worker.ts'), dataDir, label, String(turns), String(startAt)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`writer ${label} exited ${code}: ${err}`))));
  });
}

describe('two processes on one sqlite file', () => {
  it('keeps every turn of a conversation both are writing to', { timeout: 30_000 }, async () => {
    const turns = 8;
    // Both load the engine first, then write at the same instant.
    const startAt = Date.now() + 8_000;
    const outputs = await Promise.all([writer('A', turns, startAt), writer('B', turns, startAt)]);
    expect(outputs).toEqual(['done\n', 'done\n']);

    const store = new SqliteConversationStore(dataDir, createLogger('silent'));
    const record = await store.get('cli:shared');
    await store.close();
    const said = record?.transcript.filter((e) => e.role === 'user').map((e) => e.text) ?? [];
    const expected = ['A', 'B'].flatMap((label) => Array.from({ length: turns }, (_, i) => `hello number ${i} from ${label}`));
    expect([...said].sort()).toEqual([...expected].sort());
  });
});
