import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spyOn, TREE, treeEngine } from '../fakes/slack/engines.ts';
import { jsonBody } from '../fakes/slack/signed-request.ts';
import { SlackStory } from '../fakes/slack/slack-story.ts';

/** Asking the bot: mentions, DMs and the Home tab, through the real Bolt app (the engine is a stub tree; see slack-real-engine for the real one). */
describe('Slack door: asking questions', () => {
  let story: SlackStory;
  let spy: ReturnType<typeof spyOn>;

  beforeAll(async () => {
    spy = spyOn(treeEngine());
    story = await SlackStory.start({ engine: spy.engine });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('answers Slack\'s url_verification challenge when the Events URL is configured', async () => {
    const result = await story.send(jsonBody({ type: 'url_verification', token: 't', challenge: 'challenge-abc' }));
    expect(result.status).toBe(200);
    expect(result.text).toContain('challenge-abc');
  });

  it('answers a mention in the thread of the mention, without pinging', async () => {
    const { ts, http } = await story.mention({ channel: 'CMENTION', user: 'UASKER', text: 'error 1020' });
    expect(http.status).toBe(200);
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CMENTION');
    expect(reply.body['thread_ts']).toBe(ts);
    expect(reply.body['link_names']).toBe('false');
    expect(String(reply.body['text']).length).toBeGreaterThan(0);
    expect(JSON.stringify(reply.body['blocks'])).toContain(TREE.firstQuestion);
    expect(spy.turns.at(-1)?.conversation).toEqual({ platform: 'slack', id: `CMENTION:${ts}`, user: 'UASKER' });
    expect(spy.turns.at(-1)?.input).toEqual({ kind: 'text', text: 'error 1020' });
  });

  it('keeps answering inside an existing thread as the same conversation', async () => {
    const root = '1700009999.000100';
    await story.mention({ channel: 'CTHREAD', user: 'UASKER', text: 'still seeing error 1020', threadTs: root });
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CTHREAD');
    expect(reply.body['thread_ts']).toBe(root);
    expect(spy.turns.at(-1)?.conversation.id).toBe(`CTHREAD:${root}`);
  });

  it('answers a direct message in the DM itself, not in a thread', async () => {
    await story.directMessage({ channel: 'DUSER1', user: 'UDM', text: 'error 1020 when I log in' });
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'DUSER1');
    expect(reply.body['thread_ts']).toBeUndefined();
    expect(JSON.stringify(reply.body['blocks'])).toContain(TREE.firstQuestion);
    expect(spy.turns.at(-1)?.conversation).toEqual({ platform: 'slack', id: 'DUSER1', user: 'UDM' });
  });

  it('answers once when Slack delivers the same event three times (retries)', async () => {
    const first = await story.mention({ channel: 'CRETRY', user: 'UASKER', text: 'error 1020' });
    for (const retryNum of ['1', '2']) {
      const again = await story.send(
        jsonBody({
          token: 'legacy-verification-token', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: first.eventId, event_time: 1,
          event: { type: 'app_mention', user: 'UASKER', text: '<@UBOT> error 1020', ts: first.ts, channel: 'CRETRY', event_ts: first.ts },
          authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
        }),
        { headers: { 'x-slack-retry-num': retryNum, 'x-slack-retry-reason': 'http_timeout' } },
      );
      expect(again.status).toBe(200);
    }
    await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CRETRY');
    await story.slack.idle();
    expect(story.postsIn('CRETRY').map((call) => call.body['thread_ts'])).toEqual([first.ts]);
  });

  it('waits out a 429 Retry-After from the Web API and still delivers the answer', async () => {
    story.fake.rateLimitNext('chat.postMessage', 1, 1);
    const askedAt = Date.now();
    await story.mention({ channel: 'CLIMITED', user: 'UASKER', text: 'error 1020' });
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CLIMITED', 8_000);
    expect(reply.at - askedAt).toBeGreaterThanOrEqual(1_000);
    await story.slack.idle();
    expect(story.postsIn('CLIMITED')).toHaveLength(1);
  });

  it('publishes a Home tab that explains what the bot does and how to ask', async () => {
    await story.openHome('UHOME');
    const publish = await story.fake.waitForCall('views.publish', (call) => call.body['user_id'] === 'UHOME');
    const view = publish.body['view'] as { type: string };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view);
    expect(text).toContain('/cfhelp');
    expect(text).toContain('Escalate to support');
  });

  it('serves /healthz and plain-text /metrics on the same port as the events endpoint', async () => {
    const health = await fetch(`${story.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const metrics = await (await fetch(`${story.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/slack_replies_sent_total [1-9]/);
    expect(metrics).toMatch(/slack_duplicate_events_skipped_total [1-9]/);
  });
});
