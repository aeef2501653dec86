import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throwingEngine } from '../fakes/slack/engines.ts';
import { eventEnvelope, mentionEvent, nextTs } from '../fakes/slack/payloads.ts';
import { jsonBody, slackSignature } from '../fakes/slack/signed-request.ts';
import { SIGNING_SECRET, SlackStory } from '../fakes/slack/slack-story.ts';

describe('Slack door: only Slack can talk to it', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start();
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
    story = await SlackStory.start();
  });
  afterAll(async () => {
    await story?.close();
  });

  it('turns <!channel>, <!here>, user and group mentions from the question into inert text, also where the engine quotes it back', async () => {
    // Live mentions as Slack sends them, and the same ones typed as literal text (which Slack escapes).
    const question = '<!channel> <@U123> my page shows &lt;!everyone&gt; &lt;!here&gt; &lt;@U999&gt; &lt;!subteam^S1|@support&gt; since 9am';
    const { ts: root } = await story.mention({ channel: 'CPING', user: 'UASKER', text: question });
    await story.answerIn('CPING');
    // The hand-off summary quotes the user's first message: hostile text travels through the real engine.
    await story.postsAfter('CPING', () => story.mention({ channel: 'CPING', user: 'UASKER', text: 'talk to a human', threadTs: root }));

    const summary = story.engine.lastRepliesIn(`CPING:${root}`).find((reply) => reply.escalation)?.escalation?.summary ?? '';
    for (const literal of ['<!everyone>', '<!here>', '<@U999>', '<!subteam^S1|@support>']) expect(summary).toContain(literal);

    const posts = story.postsIn('CPING');
    const wire = JSON.stringify(posts.map((post) => post.body));
    for (const live of ['<!channel', '<!here', '<!everyone', '<@U123', '<@U999', '<!subteam']) expect(wire).not.toContain(live);
    expect(wire).toContain('&lt;!everyone&gt;');
    expect(wire).toContain('&lt;!here&gt;');
    expect(posts.every((post) => post.body['link_names'] === false)).toBe(true);
  });
});

describe('Slack door: allow-listed channels', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start({ env: { SLACK_ALLOWED_CHANNELS: 'CALLOWED' } });
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

describe('Slack door: when the engine fails', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start({ engine: throwingEngine() });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('apologises in the thread instead of going silent when the engine throws', async () => {
    const { ts } = await story.mention({ channel: 'CBROKEN', user: 'UASKER', text: 'error 1020' });
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CBROKEN');
    expect(reply.body['thread_ts']).toBe(ts);
    expect(String(reply.body['text'])).toMatch(/sorry/i);
  });
});
