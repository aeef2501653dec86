import { createServer } from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient, ErrorCode } from '@slack/web-api';
import { Agent } from 'undici';
import { FakeSlackApi, FAKE_BOT_TOKEN } from '../../tests/fakes/slack/fake-slack-api.ts';
import { undiciTransport } from './undici-transport.ts';

/** The Web API client over the undici transport, against the local fake Web API (127.0.0.1 only). */
describe('Web API calls over undici', () => {
  const fake = new FakeSlackApi();
  const agent = new Agent();
  beforeAll(() => fake.start());
  afterAll(async () => {
    await agent.close();
    await fake.close();
  });
  const client = (apiUrl = fake.apiUrl) => new WebClient(FAKE_BOT_TOKEN, { slackApiUrl: apiUrl, allowAbsoluteUrls: false, adapter: undiciTransport(agent), retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 } });

  it('posts a message with blocks the fake reads back whole, with the bearer token', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'Error 522: *Connection timed out* — ünïcode & = ? %' } }];
    const result = await client().chat.postMessage({ channel: 'C1', thread_ts: '1.2', text: 'fallback', blocks });
    expect(result.ok).toBe(true);
    const call = fake.callsTo('chat.postMessage').at(-1)!;
    expect(call.body['channel']).toBe('C1');
    const recorded = call.body['blocks'];
    expect(typeof recorded === 'string' ? JSON.parse(recorded) : recorded).toEqual(blocks);
  });

  it("reports Slack's ok:false as the client's platform error", async () => {
    fake.failWith('chat.postMessage', 'channel_not_found');
    try {
      await expect(client().chat.postMessage({ channel: 'CX', text: 'hi' })).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'channel_not_found' } });
    } finally {
      fake.failWith('chat.postMessage', undefined);
    }
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    fake.rateLimitNext('chat.postMessage', 1, 1);
    const started = Date.now();
    const result = await client().chat.postMessage({ channel: 'C1', text: 'after the limit' });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('turns a refused connection into the client request error, after its retries', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as { port: number }).port;
    probe.close();
    await once(probe, 'close');
    await expect(client(`http://127.0.0.1:${port}/api/`).chat.postMessage({ channel: 'C1', text: 'nobody home' })).rejects.toMatchObject({ code: ErrorCode.RequestError });
  });
});
