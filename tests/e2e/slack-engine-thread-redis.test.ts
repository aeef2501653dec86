import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_UNAVAILABLE_TEXT } from '../../src/store/store-unavailable.ts';
import { FAKE_BOT_TOKEN, FakeSlackApi } from '../fakes/slack/fake-slack-api.ts';
import { eventEnvelope, mentionEvent, nextTs } from '../fakes/slack/payloads.ts';
import { jsonBody, postSigned } from '../fakes/slack/signed-request.ts';
import { BotProcess } from '../support/bot-process.ts';
import { hasRedisServer, RedisServer } from '../support/redis-server.ts';

const SECRET = 'thread-redis-secret';

/**
 * `npm start` with Redis: the Slack door's turns run on the engine thread, whose engine has its
 * own Redis connection. Redis going away and coming back must read the same to the asker as it
 * does without the thread (src/store/outage-guard.ts).
 */
describe.runIf(hasRedisServer)('the Slack engine thread through a Redis outage', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cfbot-thread-redis-'));
  let redis: RedisServer;
  let fake: FakeSlackApi;
  let bot: BotProcess;
  let base: string;
  // Every message in the same Slack thread: one conversation across the outage.
  const threadTs = nextTs();
  const ask = async (text: string): Promise<string> => {
    const ts = nextTs();
    const before = fake.callsTo('chat.postMessage').length;
    const sent = await postSigned(`${base}/slack/events`, SECRET, jsonBody(eventEnvelope(mentionEvent({ channel: 'COUTAGE', user: 'UASKER', text, ts, threadTs }))));
    expect(sent.status).toBe(200);
    const post = await fake.waitFor(() => fake.callsTo('chat.postMessage').slice(before).find((call) => call.body['thread_ts'] === threadTs), 'the reply in the thread', 10_000);
    return String(post.body['text']);
  };

  beforeAll(async () => {
    redis = await RedisServer.start({ persistent: true });
    fake = await new FakeSlackApi().start();
    bot = new BotProcess({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(temp, 'data'), REDIS_URL: redis.url, KNOWLEDGE_WATCH: 'false' });
    base = await bot.baseUrl();
    await bot.waitForLog('started');
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await redis?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('answers, says it cannot reach its memory while Redis is down, and answers again once it is back', async () => {
    expect(await ask('error 1020')).toMatch(/1020/);
    await redis.kill();
    const started = Date.now();
    expect(await ask('are you there?')).toBe(MEMORY_UNAVAILABLE_TEXT);
    expect(Date.now() - started).toBeLessThan(3_000);
    await redis.launch();
    let reply = MEMORY_UNAVAILABLE_TEXT;
    const deadline = Date.now() + 15_000;
    while (reply === MEMORY_UNAVAILABLE_TEXT && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      reply = await ask('error 522');
    }
    expect(reply).toMatch(/522/);
    expect(bot.logs.some((line) => line.level >= 50 && line['thread'] === 'engine')).toBe(true);
  }, 60_000);
});
