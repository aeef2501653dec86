import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import { echoEngine, throwingEngine, treeEngine } from '../fakes/slack/engines.ts';
import { eventEnvelope, mentionEvent, nextTs } from '../fakes/slack/payloads.ts';
import { jsonBody, slackSignature } from '../fakes/slack/signed-request.ts';
import { SIGNING_SECRET, SlackStory } from '../fakes/slack/slack-story.ts';

describe('Slack door: only Slack can talk to it', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start({ engine: treeEngine() });
  });
  afterAll(async () => {
    await story?.close();
  });

  const mentionBody = () => jsonBody(eventEnvelope(mentionEvent({ channel: 'CFORGED', user: 'UEVIL', text: 'error 1020', ts: nextTs() })));

  it('rejects a forged signature with 401 and never calls the Web API', async () => {
    const before = story.fake.calls.length;
    const body = mentionBody();
    const now = Math.floor(Date.now() / 1000);
    const result = await story.send(body, { timestamp: now, signature: slackSignature('not-the-secret', now, body.body) });
    expect(result.status).toBe(401);
    await story.slack.idle();
    expect(story.fake.calls.slice(before)).toEqual([]);
  });

  it('rejects a correctly signed request older than 5 minutes (replay) with 401', async () => {
    const before = story.fake.calls.length;
    const body = mentionBody();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const result = await story.send(body, { timestamp: sixMinutesAgo, signature: slackSignature(SIGNING_SECRET, sixMinutesAgo, body.body) });
    expect(result.status).toBe(401);
    await story.slack.idle();
    expect(story.fake.calls.slice(before)).toEqual([]);
  });
});

describe('Slack door: replies never ping anyone', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start({ engine: echoEngine() });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('turns <!channel>, <!here>, user and group mentions in the question or answer into inert text', async () => {
    await story.mention({ channel: 'CPING', user: 'UASKER', text: '<!channel> my site says &lt;!everyone&gt; and <@U123>' });
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CPING');
    const wire = JSON.stringify(reply.body);
    for (const live of ['<!channel', '<!here', '<!everyone', '<@U123', '<@U999', '<!subteam']) expect(wire).not.toContain(live);
    expect(wire).toContain('&lt;!everyone&gt;');
    expect(reply.body['link_names']).toBe('false');
  });
});

describe('Slack door: allow-listed channels', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start({ engine: treeEngine(), env: { SLACK_ALLOWED_CHANNELS: 'CALLOWED' } });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('answers mentions in allowed channels and stays silent elsewhere', async () => {
    await story.mention({ channel: 'COTHER', user: 'UASKER', text: 'error 1020' });
    await story.mention({ channel: 'CALLOWED', user: 'UASKER', text: 'error 1020' });
    await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CALLOWED');
    await story.slack.idle();
    expect(story.postsIn('COTHER')).toEqual([]);
  });

  it('tells a /cfhelp user in a non-allowed channel where it does answer', async () => {
    const { hook } = await story.slashCommand({ channel: 'COTHER', user: 'UASKER', text: 'error 1020' });
    const response = await story.fake.waitForResponse(hook);
    expect(response.body['response_type']).toBe('ephemeral');
    expect(String(response.body['text'])).toContain('direct message');
  });
});

describe('Slack door: when the engine fails or is slow', () => {
  let story: SlackStory;
  let release: () => void = () => {};
  const slowAnswer = new Promise<void>((resolve) => {
    release = resolve;
  });
  const engine: SupportEngine = {
    ...throwingEngine(),
    // "slow" questions wait until the test releases them; anything else crashes.
    handle: async (turn) => {
      if (turn.input.kind === 'text' && turn.input.text === 'slow') {
        await slowAnswer;
        return [{ text: 'Here is your slow answer.' }];
      }
      throw new Error('knowledge index unavailable');
    },
  };

  beforeAll(async () => {
    story = await SlackStory.start({ engine });
  });
  afterAll(async () => {
    release();
    await story?.close();
  });

  it('apologises in the thread instead of going silent when the engine throws', async () => {
    const { ts } = await story.mention({ channel: 'CBROKEN', user: 'UASKER', text: 'error 1020' });
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CBROKEN');
    expect(reply.body['thread_ts']).toBe(ts);
    expect(String(reply.body['text'])).toMatch(/sorry/i);
  });

  it('acks Slack at once and answers when the engine is done', async () => {
    const { http } = await story.mention({ channel: 'CSLOW', user: 'UASKER', text: 'slow' });
    expect(http.status).toBe(200);
    expect(story.postsIn('CSLOW')).toEqual([]);
    release();
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CSLOW');
    expect(String(reply.body['text'])).toContain('slow answer');
  });
});
