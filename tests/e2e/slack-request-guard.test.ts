import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, mentionEvent, nextTs } from '../fakes/slack/payloads.ts';
import { formBody, jsonBody, slackSignature } from '../fakes/slack/signed-request.ts';
import { SIGNING_SECRET, SlackStory } from '../fakes/slack/slack-story.ts';

/** Sends headers and only the first part of a declared body, and reports the status if the door answers before the rest. */
function postPartly(url: string, headers: Record<string, string>, firstChunk: Buffer, more?: () => Buffer | undefined): Promise<{ status: number; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentBytes: sent });
    });
    req.on('error', (error) => (sent > 0 ? undefined : reject(error)));
    const write = (chunk: Buffer) => {
      sent += chunk.length;
      req.write(chunk);
    };
    write(firstChunk);
    const pump = () => {
      const chunk = more?.();
      if (!chunk || req.destroyed) return;
      write(chunk);
      setImmediate(pump);
    };
    pump();
  });
}

describe('Slack door: hostile request bodies', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start();
  });
  afterAll(async () => {
    await story?.close();
  });

  const stillAnswers = async () => {
    const { http } = await story.mention({ channel: 'CGUARD', user: 'UGUARD', text: 'error 1020 on my site' });
    expect(http.status).toBe(200);
    await story.answerIn('CGUARD');
  };

  it.each([
    ['null', jsonBody(null)],
    ['an array', jsonBody([1, 2])],
    ['a string', jsonBody('ssl_check')],
    ['a number', jsonBody(42)],
    ['broken JSON', { body: '{"type":', contentType: 'application/json' as const }],
    ['a form whose payload is null', formBody({ payload: 'null' })],
    ['a form whose payload is not JSON', formBody({ payload: '{oops' })],
  ])('answers a correctly signed body that is %s with 400, and keeps serving', async (_what, body) => {
    const result = await story.send(body);
    expect(result.status).toBe(400);
    await stillAnswers();
  });

  it('answers the same bodies unsigned with 401, as any forgery', async () => {
    const now = Math.floor(Date.now() / 1000);
    const result = await story.send(jsonBody(null), { timestamp: now, signature: slackSignature('not-the-secret', now, 'null') });
    expect(result.status).toBe(401);
  });

  it('refuses a body declared over 1 MB with 413 before reading it', async () => {
    const url = `${story.baseUrl}/slack/events`;
    const declared = 10 * 1024 * 1024;
    const result = await postPartly(url, { 'content-type': 'application/json', 'content-length': String(declared), 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=00' }, Buffer.alloc(64 * 1024, 0x20));
    expect(result.status).toBe(413);
    expect(result.sentBytes).toBeLessThan(declared);
    await stillAnswers();
  });

  it('refuses a chunked body once it passes 1 MB, without waiting for the end', async () => {
    const url = `${story.baseUrl}/slack/events`;
    let left = 40; // 40 x 64 KB = 2.5 MB offered, in chunks with no declared length
    const result = await postPartly(url, { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=00' }, Buffer.alloc(64 * 1024, 0x20), () => (left-- > 0 ? Buffer.alloc(64 * 1024, 0x20) : undefined));
    expect(result.status).toBe(413);
    await stillAnswers();
  });

  it('refuses a correctly signed request dated more than 5 minutes in the future with 401, and accepts ordinary clock skew', async () => {
    const before = story.fake.calls.length;
    const body = jsonBody(eventEnvelope(mentionEvent({ channel: 'CFUTURE', user: 'UFUTURE', text: 'error 1020', ts: nextTs() })));
    const inAnHour = Math.floor(Date.now() / 1000) + 60 * 60;
    const future = await story.send(body, { timestamp: inAnHour, signature: slackSignature(SIGNING_SECRET, inAnHour, body.body) });
    expect(future.status).toBe(401);
    await story.slack.idle();
    expect(story.fake.calls.slice(before)).toEqual([]);

    const inOneMinute = Math.floor(Date.now() / 1000) + 60;
    const skewed = await story.send(body, { timestamp: inOneMinute, signature: slackSignature(SIGNING_SECRET, inOneMinute, body.body) });
    expect(skewed.status).toBe(200);
  });
});
