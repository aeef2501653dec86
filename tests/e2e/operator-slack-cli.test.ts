import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEngineChecks } from '../../adapters/http/engine-checks.ts';
import { startOperatorServer } from '../../adapters/http/operator-server.ts';
import { loadConfig } from '../../src/config.ts';
import { createEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';
import { createBotMetrics } from '../../src/metrics/bot-metrics.ts';
import { FAKE_BOT_TOKEN, FakeSlackApi } from '../fakes/slack/fake-slack-api.ts';
import { eventEnvelope, mentionEvent, nextTs } from '../fakes/slack/payloads.ts';
import { jsonBody, postSigned } from '../fakes/slack/signed-request.ts';
import { BotProcess } from '../support/bot-process.ts';
import { conversation } from '../support/engine.ts';
import { ScrapedMetrics } from '../support/prometheus.ts';
import { SlowStatusPage } from '../support/slow-status-page.ts';

const SIGNING_SECRET = 'operator-test-secret';
const temp = mkdtempSync(join(tmpdir(), 'cfbot-op-'));
let status: SlowStatusPage;
let statusUrl: string;

beforeAll(async () => {
  status = new SlowStatusPage(2_500);
  statusUrl = await status.start();
});
afterAll(async () => {
  await status.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('Slack in HTTP mode: events, health and metrics share one port', () => {
  let fake: FakeSlackApi;
  let bot: BotProcess;
  let base: string;
  const mention = (text: string, channel = 'CHELP') => {
    const ts = nextTs();
    return { ts, sent: postSigned(`${base}/slack/events`, SIGNING_SECRET, jsonBody(eventEnvelope(mentionEvent({ channel, user: 'UASKER', text, ts })))) };
  };

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    bot = new BotProcess({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(temp, 'slack-data'), STATUS_PAGE_URL: statusUrl, KNOWLEDGE_WATCH: 'false' });
    base = await bot.baseUrl();
    await bot.waitForLog('started');
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('answers a mention on /slack/events and counts it on /metrics of the same port', async () => {
    const { ts, sent } = mention('error 1020');
    expect((await sent).status).toBe(200);
    await fake.waitForCall('chat.postMessage', (call) => call.body['thread_ts'] === ts, 10_000);
    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, checks: { knowledge: true, store: true, slack: true } });
    const metrics = await ScrapedMetrics.from(base);
    expect(metrics.value('cfbot_turns_total', { platform: 'slack', input: 'text' })).toBe(1);
    expect(metrics.value('cfbot_answers_total', { page: 'error-1020' })).toBe(1);
    expect(metrics.value('slack_events_received_total')).toBeGreaterThanOrEqual(1);
    expect(metrics.value('slack_replies_sent_total')).toBeGreaterThanOrEqual(1);
    expect(metrics.family('slack_replies_sent_total').type).toBe('counter');
    expect(metrics.value('cfbot_platform_api_errors_total', { door: 'slack' })).toBe(0);
  });

  it('counts Slack Web API rate-limit waits by door', async () => {
    fake.rateLimitNext('chat.postMessage', 1, 1);
    const { ts, sent } = mention('error 526');
    expect((await sent).status).toBe(200);
    await fake.waitForCall('chat.postMessage', (call) => call.body['thread_ts'] === ts, 15_000);
    const metrics = await ScrapedMetrics.from(base);
    expect(metrics.value('cfbot_platform_rate_limit_waits_total', { door: 'slack' })).toBeGreaterThanOrEqual(1);
    expect(metrics.value('cfbot_platform_rate_limit_wait_seconds_total', { door: 'slack' })).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('SIGTERM with an answer still waiting on a slow status page: it is posted, new events are refused, exit 0', async () => {
    const waiting = status.nextRequest();
    const { ts, sent } = mention('is cloudflare down right now?');
    expect((await sent).status).toBe(200); // acked first, answered after
    await waiting;
    bot.signal('SIGTERM');
    await bot.waitForLog(/^shutting down/);
    const late = mention('error 522');
    expect((await late.sent).status).toBe(503);
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    const answer = fake.callsTo('chat.postMessage').filter((call) => call.body['thread_ts'] === ts);
    expect(JSON.stringify(answer.map((c) => c.body))).toMatch(/All Systems Operational/);
    expect(fake.callsTo('chat.postMessage').some((call) => call.body['thread_ts'] === late.ts)).toBe(false);
  }, 30_000);
});

describe('terminal door', () => {
  /** `npm start` with no credentials (the terminal chat), a typed question held in flight by the slow status page. */
  async function chatWithTurnInFlight(dataDir: string): Promise<BotProcess> {
    const chat = new BotProcess({ DATA_DIR: join(temp, dataDir), STATUS_PAGE_URL: statusUrl, LOG_LEVEL: 'warn' });
    await chat.waitFor(() => (/Cloudflare support assistant/.test(chat.stdout) ? true : undefined), 'the greeting');
    const waiting = status.nextRequest();
    chat.write('is cloudflare down right now?\n');
    await waiting;
    return chat;
  }

  it('SIGTERM while a typed question waits on a slow status page: the answer is printed, the store closed, exit 0', async () => {
    const chat = await chatWithTurnInFlight('cli-data');
    try {
      chat.signal('SIGTERM');
      const exit = await chat.exited;
      expect(exit.code).toBe(0);
      expect(chat.stdout).toMatch(/All Systems Operational/);
    } finally {
      await chat.stop();
    }
  }, 30_000);

  it('a second SIGTERM exits at once, without waiting for the turn in flight', async () => {
    const chat = await chatWithTurnInFlight('cli-data-2');
    try {
      const signalled = Date.now();
      chat.signal('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      chat.signal('SIGTERM');
      const exit = await chat.exited;
      expect(exit.code).toBe(1);
      expect(Date.now() - signalled).toBeLessThan(2_000); // the status page holds the turn for 2.5 s
      expect(chat.stdout).not.toMatch(/All Systems Operational/);
    } finally {
      await chat.stop();
    }
  }, 30_000);

  it('a terminal conversation is counted on the same metrics (turns, outcomes, answers, trees, feedback), and /readyz turns 503 when the store closes', async () => {
    const config = loadConfig({ DATA_DIR: join(temp, 'cli-metrics'), LOG_LEVEL: 'silent' });
    const metrics = createBotMetrics();
    const logger = createLogger('silent');
    const engine = await createEngine({ config, logger, metrics });
    const server = await startOperatorServer({ port: 0, host: '127.0.0.1', registry: metrics.registry, logger });
    addEngineChecks(server, engine);
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const chat = conversation(engine, 'local', 'me');
      await chat.say('error 1020 on my site');
      await chat.pick(/yes, solved/i);
      await chat.say('error 522');
      await chat.say('start over');
      const scraped = await ScrapedMetrics.from(base);
      expect(scraped.value('cfbot_turns_total', { platform: 'cli' })).toBe(4);
      expect(scraped.value('cfbot_tree_completions_total', { tree: 'access-denied', result: 'solved' })).toBe(1);
      expect(scraped.value('cfbot_tree_starts_total', { tree: 'origin-connectivity' })).toBe(1);
      expect(scraped.labelValues()).toContain('origin-connectivity');
      expect(scraped.value('cfbot_tree_abandons_total', { tree: 'origin-connectivity' })).toBe(1);
      expect(scraped.value('cfbot_feedback_total', { vote: 'up' })).toBe(1);

      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      await engine.close();
      const closed = await fetch(`${base}/readyz`);
      expect(closed.status).toBe(503);
      expect(await closed.json()).toEqual({ ready: false, checks: { knowledge: true, store: 'conversation store does not answer' } });
      expect((await fetch(`${base}/healthz`)).status).toBe(200); // alive, just not ready
    } finally {
      await server.close();
    }
  });
});

describe('Slack with ENGINE_THREAD=false: the turns on the door loop, as before the engine thread', () => {
  let fake: FakeSlackApi;
  let bot: BotProcess;
  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    bot = new BotProcess({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(temp, 'no-thread-data'), KNOWLEDGE_WATCH: 'false', ENGINE_THREAD: 'false' });
    await bot.waitForLog('started');
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('answers a mention in its thread and counts the turn on /metrics', async () => {
    const base = await bot.baseUrl();
    const ts = nextTs();
    const sent = await postSigned(`${base}/slack/events`, SIGNING_SECRET, jsonBody(eventEnvelope(mentionEvent({ channel: 'CHELP', user: 'UASKER', text: 'error 1020', ts }))));
    expect(sent.status).toBe(200);
    const post = await fake.waitForCall('chat.postMessage', (call) => call.body['thread_ts'] === ts, 10_000);
    expect(JSON.stringify(post.body)).toContain('1020');
    const metrics = await ScrapedMetrics.from(base);
    expect(metrics.value('cfbot_turns_total', { platform: 'slack', input: 'text' })).toBe(1);
    expect(bot.logs.some((line) => line['thread'] === 'engine')).toBe(false);
  });
});
