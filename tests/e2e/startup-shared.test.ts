import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi, FAKE_BOT_TOKEN } from '../fakes/slack/fake-slack-api.ts';
import { eventEnvelope, mentionEvent, nextEventId, nextTs } from '../fakes/slack/payloads.ts';
import { jsonBody, postSigned } from '../fakes/slack/signed-request.ts';
import { freePort, hasRedisServer, RedisServer } from '../support/redis-server.ts';

/** `npm start` (adapters/main.ts) as an operator runs it: REDIS_URL, WORKERS, a Slack app. */
const root = resolve(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const temp = mkdtempSync(join(tmpdir(), 'cfbot-start-shared-'));
const SECRET = 'start-secret';
const running: ChildProcess[] = [];
let fake: FakeSlackApi;

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
});
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
});
afterAll(async () => {
  await fake.close();
  rmSync(temp, { recursive: true, force: true });
});

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD|SLACK|REDIS|WORKERS)/.test(k)));
  const child = spawn(tsx, [join(root, 'adapters', 'main.ts')], {
    cwd: root,
    env: { ...clean, DATA_DIR: join(temp, 'data'), LOG_LEVEL: 'info', SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  return { child, output: () => out, exited: new Promise((r) => child.once('exit', (code) => r(code))) };
}

describe('npm start with a shared store', () => {
  it('refuses WORKERS=2 without REDIS_URL, saying why', async () => {
    const run = start({ WORKERS: '2', PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/WORKERS=2 needs REDIS_URL/);
  });

  it('refuses to start when REDIS_URL points at no Redis', async () => {
    const run = start({ REDIS_URL: 'redis://127.0.0.1:1', PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/Start-up failed: Cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(REDIS_URL\)/);
  });

  describe.runIf(hasRedisServer)('with Redis', () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await RedisServer.start();
    });
    afterAll(async () => {
      await redis.stop();
    });

    it('runs WORKERS=2 processes on one port that answer every event (and its retry) once', { timeout: 60_000 }, async () => {
      const port = await freePort();
      const run = start({ WORKERS: '2', REDIS_URL: redis.url, PORT: String(port) });
      const url = `http://127.0.0.1:${port}/slack/events`;
      const deadline = Date.now() + 40_000;
      while ((run.output().match(/Slack door listening/g) ?? []).length < 2) {
        if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`workers did not start:\n${run.output()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const sent = Array.from({ length: 20 }, () => ({ ts: nextTs(), eventId: nextEventId() }));
      for (const { ts, eventId } of sent) {
        const body = jsonBody(eventEnvelope(mentionEvent({ channel: 'CWORKERS', user: `U${ts}`, text: 'error 1020', ts }), eventId));
        expect((await postSigned(url, SECRET, body)).status).toBe(200);
        expect((await postSigned(url, SECRET, { ...body, headers: { 'x-slack-retry-num': '1' } })).status).toBe(200);
      }
      const answered = () => new Set(fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === 'CWORKERS').map((c) => c.body['thread_ts']));
      await fake.waitFor(() => (answered().size === sent.length ? true : undefined), 'an answer in every thread', 20_000);
      await new Promise((r) => setTimeout(r, 500));
      expect(fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === 'CWORKERS')).toHaveLength(sent.length);
    });
  });
});
