import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { FakeSlackApi, FAKE_BOT_TOKEN } from '../../tests/fakes/slack/fake-slack-api.ts';
import { createChatPoster, SlackPlatformError, type ChatMessage } from './chat-poster.ts';

const message = (text: string): ChatMessage => ({ channel: 'C1', thread_ts: '1.2', text, link_names: false, unfurl_links: false, unfurl_media: false });

/** A server on 127.0.0.1 that answers each request with the next status in `statuses` (then 200 ok). */
async function flakyServer(statuses: number[], headers: Record<string, string> = {}): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    req.resume();
    const status = statuses[hits] ?? 200;
    hits += 1;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(status === 200 ? { ok: true } : { ok: false, error: 'server_error' }));
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, hits: () => hits };
}

/** Every answer's chat.postMessage, against the local fake Web API and local servers (127.0.0.1 only). */
describe('the answer poster', () => {
  const fake = new FakeSlackApi();
  const agent = new Agent();
  const poster = (apiUrl: string, extra: Partial<Parameters<typeof createChatPoster>[0]> = {}) =>
    createChatPoster({ apiUrl, token: FAKE_BOT_TOKEN, dispatcher: agent, retries: 2, minBackoffMs: 10, maxBackoffMs: 20, ...extra });
  beforeAll(() => fake.start());
  afterAll(async () => {
    await agent.close();
    await fake.close();
  });

  it('posts JSON the fake reads back whole (blocks, thread, no pings), with the bearer token', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Error 522: *Connection timed out* — ünïcode & = ? %' } }];
    await poster(fake.apiUrl)({ ...message('fallback'), blocks });
    const call = fake.callsTo('chat.postMessage').at(-1)!;
    expect(call.body).toMatchObject({ channel: 'C1', thread_ts: '1.2', text: 'fallback', blocks, link_names: false, unfurl_links: false });
  });

  it("throws Slack's ok:false as a platform error naming Slack's reason", async () => {
    fake.failWith('chat.postMessage', 'channel_not_found');
    try {
      await expect(poster(fake.apiUrl)(message('hi'))).rejects.toMatchObject({ code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } });
    } finally {
      fake.failWith('chat.postMessage', undefined);
    }
  });

  it('refuses a wrong token as Slack does: a platform error, not a silent success', async () => {
    await expect(poster(fake.apiUrl, { token: 'xoxb-wrong' })(message('hi'))).rejects.toBeInstanceOf(SlackPlatformError);
  });

  it('waits out a 429 for its Retry-After, reports the wait, and then posts once', async () => {
    fake.rateLimitNext('chat.postMessage', 1, 1);
    const waits: number[] = [];
    const before = fake.callsTo('chat.postMessage').length;
    const started = Date.now();
    await poster(fake.apiUrl, { onRateLimited: (seconds) => waits.push(seconds) })(message('after the limit'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(waits).toEqual([1]);
    expect(fake.callsTo('chat.postMessage').slice(before).map((c) => c.body['text'])).toEqual(['after the limit']);
  });

  it('does not wait out a Retry-After longer than a minute: the post fails at once', async () => {
    const flaky = await flakyServer([429], { 'retry-after': '3600' });
    try {
      const started = Date.now();
      await expect(poster(flaky.url)(message('hi'))).rejects.toMatchObject({ statusCode: 429 });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(flaky.hits()).toBe(1);
    } finally {
      flaky.server.close();
    }
  });

  it('retries a 503 with back-off and succeeds, and gives up after its retries', async () => {
    const recovering = await flakyServer([503, 503]);
    const failing = await flakyServer([503, 503, 503, 503]);
    try {
      await poster(recovering.url)(message('second try'));
      expect(recovering.hits()).toBe(3);
      await expect(poster(failing.url)(message('never'))).rejects.toMatchObject({ statusCode: 503 });
      expect(failing.hits()).toBe(3);
    } finally {
      recovering.server.close();
      failing.server.close();
    }
  });

  it('rejects when nothing listens, after its retries', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    probe.close();
    await once(probe, 'close');
    await expect(poster(`http://127.0.0.1:${port}/api/`)(message('nobody home'))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
