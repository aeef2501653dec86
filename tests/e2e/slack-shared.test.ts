import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type RunningSlackDoor } from '../../adapters/slack/start.ts';
import { BUSY } from '../../adapters/slack/post-messages.ts';
import { createEngine } from '../../src/create-engine.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import type { SharedMemo } from '../../src/store/shared-memo.ts';
import { spyOn } from '../fakes/slack/engines.ts';
import { FakeSlackApi, FAKE_BOT_TOKEN, type RecordedCall } from '../fakes/slack/fake-slack-api.ts';
import { eventEnvelope, mentionEvent, nextEventId, nextTs } from '../fakes/slack/payloads.ts';
import { jsonBody, postSigned, type SlackHttpResult } from '../fakes/slack/signed-request.ts';
import { hasRedisServer, RedisServer, uniquePrefix } from '../support/redis-server.ts';
import { redisInstance } from '../support/shared-engines.ts';

const SECRET = 'shared-signing-secret';
const logger = createLogger('silent');

function slackEnv(fake: FakeSlackApi, extra: Record<string, string> = {}): Record<string, string> {
  return { SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'silent', ...extra };
}

type Door = { slack: RunningSlackDoor; engine: SupportEngine };
const doors: Door[] = [];

async function startDoor(fake: FakeSlackApi, engine: SupportEngine, options: { memo?: SharedMemo; env?: Record<string, string>; answerQueue?: { concurrency: number; backlog: number } } = {}): Promise<Door> {
  const config = loadConfig(slackEnv(fake, options.env));
  const slack = await startSlack({
    config,
    engine,
    logger,
    port: 0,
    host: '127.0.0.1',
    retryConfig: { retries: 0 },
    ...(options.memo ? { memo: options.memo } : {}),
    ...(options.answerQueue ? { answerQueue: options.answerQueue } : {}),
  });
  const door = { slack, engine };
  doors.push(door);
  return door;
}

function mention(door: Door, said: { channel: string; user: string; text: string }, delivery: { ts?: string; eventId?: string; retryNum?: string } = {}): Promise<SlackHttpResult> {
  const ts = delivery.ts ?? nextTs();
  return postSigned(`http://127.0.0.1:${door.slack.port}/slack/events`, SECRET, {
    ...jsonBody(eventEnvelope(mentionEvent({ ...said, ts }), delivery.eventId ?? nextEventId())),
    ...(delivery.retryNum ? { headers: { 'x-slack-retry-num': delivery.retryNum, 'x-slack-retry-reason': 'http_timeout' } } : {}),
  });
}

const postsIn = (fake: FakeSlackApi, channel: string): RecordedCall[] => fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === channel);
const idle = () => Promise.all(doors.map((d) => d.slack.idle()));
const textOf = (call: RecordedCall) => String(call.body['text'] ?? '');

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await new FakeSlackApi().start();
});
afterEach(async () => {
  for (const door of doors.splice(0)) {
    await door.slack.stop();
    await door.engine.close();
  }
});
afterAll(async () => {
  await fake.close();
});

describe('Slack door under a flood from one user', () => {
  it('answers up to the limit, posts one notice, then stays quiet (100 mentions in 10 s)', { timeout: 30_000 }, async () => {
    const engine = await createEngine({ config: loadConfig(slackEnv(fake, { RATE_LIMIT_USER_PER_MINUTE: '10' })), logger, store: 'memory' });
    const door = await startDoor(fake, engine);
    for (let i = 0; i < 100; i += 1) {
      expect((await mention(door, { channel: 'CFLOOD', user: 'UFLOOD', text: 'error 1020' })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await idle();
    const posts = postsIn(fake, 'CFLOOD');
    expect(posts.length).toBeLessThanOrEqual(10 + 1);
    expect(posts.filter((p) => /faster than I can help/.test(textOf(p)))).toHaveLength(1);
    expect(posts.filter((p) => /Access denied/.test(textOf(p)))).toHaveLength(10);
  });
});

describe('Slack door when answers pile up', () => {
  it('acks at once and tells the asker it is busy instead of dropping the question', async () => {
    const inner = await createEngine({ config: loadConfig(slackEnv(fake)), logger, store: 'memory' });
    const spy = spyOn(inner);
    const held = [spy.holdNext(), spy.holdNext()];
    const door = await startDoor(fake, spy.engine, { answerQueue: { concurrency: 1, backlog: 1 } });
    const acks: number[] = [];
    for (const user of ['U1', 'U2', 'U3']) {
      const started = Date.now();
      expect((await mention(door, { channel: 'CBUSY', user, text: 'error 1020' })).status).toBe(200);
      acks.push(Date.now() - started);
    }
    await fake.waitForCall('chat.postMessage', (c) => c.body['channel'] === 'CBUSY');
    expect(postsIn(fake, 'CBUSY').map(textOf)).toEqual([BUSY]);
    for (const gate of held) gate.release();
    await idle();
    const texts = postsIn(fake, 'CBUSY').map(textOf);
    expect(texts.filter((t) => /Access denied/.test(t))).toHaveLength(2);
    expect(texts.filter((t) => t === BUSY)).toHaveLength(1);
    expect(Math.max(...acks)).toBeLessThan(1_000);
  });
});

describe.runIf(hasRedisServer)('two Slack doors sharing Redis', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  async function twoDoors(env: Record<string, string> = {}): Promise<[Door, Door]> {
    const prefix = uniquePrefix();
    const made: Door[] = [];
    for (let i = 0; i < 2; i += 1) {
      const instance = await redisInstance(server.url, prefix, slackEnv(fake, env));
      made.push(await startDoor(fake, instance.engine, { memo: instance.backend.memo, env }));
    }
    return [made[0]!, made[1]!];
  }

  it('answers one event delivered to both processes, and its retries, exactly once', async () => {
    const [a, b] = await twoDoors();
    const ts = nextTs();
    const eventId = nextEventId();
    const said = { channel: 'CTWICE', user: 'UTWICE', text: 'error 1020' };
    const deliveries = await Promise.all([mention(a, said, { ts, eventId }), mention(b, said, { ts, eventId })]);
    for (const retryNum of ['1', '2']) deliveries.push(await mention(retryNum === '1' ? b : a, said, { ts, eventId, retryNum }));
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200]);
    await fake.waitForCall('chat.postMessage', (c) => c.body['channel'] === 'CTWICE');
    await idle();
    const posts = postsIn(fake, 'CTWICE');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body['thread_ts']).toBe(ts);
    expect(textOf(posts[0]!)).toMatch(/Access denied/);
  });

  it('holds the per-user limit and its single notice across both processes', { timeout: 30_000 }, async () => {
    const [a, b] = await twoDoors({ RATE_LIMIT_USER_PER_MINUTE: '6' });
    for (let i = 0; i < 40; i += 1) await mention(i % 2 === 0 ? a : b, { channel: 'CSHAREDFLOOD', user: 'USHAREDFLOOD', text: 'error 1020' });
    await idle();
    const posts = postsIn(fake, 'CSHAREDFLOOD');
    expect(posts.filter((p) => /Access denied/.test(textOf(p)))).toHaveLength(6);
    expect(posts.filter((p) => /faster than I can help/.test(textOf(p)))).toHaveLength(1);
    expect(posts).toHaveLength(7);
  });
});
