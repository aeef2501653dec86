import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderReplies } from '../../adapters/slack/render.ts';
import type { RecordedCall } from '../fakes/slack/fake-slack-api.ts';
import { jsonBody } from '../fakes/slack/signed-request.ts';
import { docsLinkTo, SlackStory } from '../fakes/slack/slack-story.ts';

const docsLinkFor1020 = docsLinkTo('error-1020');
const blocksOf = (posts: RecordedCall[]) => JSON.stringify(posts.map((post) => post.body['blocks']));
const choicesShown = (posts: RecordedCall[]) => posts.flatMap((post) => SlackStory.choiceButtons(post.body['blocks'])).map(SlackStory.choiceIdOf);

/** Asking the bot: mentions, DMs and the Home tab, through the real Bolt app and the real engine. */
describe('Slack door: asking questions', () => {
  let story: SlackStory;

  beforeAll(async () => {
    story = await SlackStory.start();
  });
  afterAll(async () => {
    await story?.close();
  });

  it('answers Slack\'s url_verification challenge when the Events URL is configured', async () => {
    const result = await story.send(jsonBody({ type: 'url_verification', token: 't', challenge: 'challenge-abc' }));
    expect(result.status).toBe(200);
    expect(result.text).toContain('challenge-abc');
  });

  it('answers "@bot error 1020" in the thread of the mention with the docs page, its source and the first troubleshooting step, without pinging', async () => {
    const { ts, http } = await story.mention({ channel: 'CMENTION', user: 'UASKER', text: 'error 1020' });
    expect(http.status).toBe(200);
    const posts = await story.answerIn('CMENTION');

    for (const post of posts) {
      expect(post.body['thread_ts']).toBe(ts);
      expect(post.body['link_names']).toBe(false);
      expect(String(post.body['text']).length).toBeGreaterThan(0);
    }
    expect(blocksOf(posts)).toMatch(docsLinkFor1020);
    const sources = posts.flatMap((post) => post.body['blocks'] as { type: string; elements?: { text?: string }[] }[]).filter((block) => block.type === 'context');
    expect(JSON.stringify(sources)).toMatch(/Sources: <https:\/\/developers\.cloudflare\.com\//);
    // The troubleshooting tree's first question, as buttons carrying the engine's choices.
    const shown = choicesShown(posts);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.every((id) => id.startsWith('opt:access-denied:'))).toBe(true);
    expect(shown).toEqual(story.engine.lastRepliesIn(`CMENTION:${ts}`).flatMap((reply) => reply.choices ?? []).map((choice) => choice.id));

    expect(story.engine.turns.at(-1)?.conversation).toEqual({ platform: 'slack', id: `CMENTION:${ts}`, user: 'UASKER', place: 'CMENTION' });
    expect(story.engine.turns.at(-1)?.input).toEqual({ kind: 'text', text: 'error 1020' });
  });

  it('keeps answering inside an existing thread as the same conversation', async () => {
    const root = '1700009999.000100';
    await story.mention({ channel: 'CTHREAD', user: 'UASKER', text: 'still seeing error 1020', threadTs: root });
    const posts = await story.answerIn('CTHREAD');
    expect(posts.map((post) => post.body['thread_ts'])).toEqual(posts.map(() => root));
    expect(blocksOf(posts)).toMatch(docsLinkFor1020);
    expect(story.engine.turns.at(-1)?.conversation.id).toBe(`CTHREAD:${root}`);
  });

  it('answers a direct message in the DM itself, not in a thread', async () => {
    await story.directMessage({ channel: 'DUSER1', user: 'UDM', text: 'error 1020 when I log in' });
    const posts = await story.answerIn('DUSER1');
    expect(posts.every((post) => post.body['thread_ts'] === undefined)).toBe(true);
    expect(blocksOf(posts)).toMatch(docsLinkFor1020);
    expect(story.engine.turns.at(-1)?.conversation).toEqual({ platform: 'slack', id: 'DUSER1', user: 'UDM' });
  });

  it('answers once when Slack delivers the same event three times (retries)', async () => {
    const first = await story.mention({ channel: 'CRETRY', user: 'URETRY', text: 'error 1020' });
    for (const retryNum of ['1', '2']) {
      const again = await story.send(
        jsonBody({
          token: 'legacy-verification-token', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: first.eventId, event_time: 1,
          event: { type: 'app_mention', user: 'URETRY', text: '<@UBOT> error 1020', ts: first.ts, channel: 'CRETRY', event_ts: first.ts },
          authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
        }),
        { headers: { 'x-slack-retry-num': retryNum, 'x-slack-retry-reason': 'http_timeout' } },
      );
      expect(again.status).toBe(200);
    }
    const posts = await story.answerIn('CRETRY');
    const conversation = `CRETRY:${first.ts}`;
    expect(story.engine.turns.filter((turn) => turn.conversation.id === conversation)).toHaveLength(1);
    // Exactly the messages of one answer, all in the mention's thread.
    expect(posts).toHaveLength(renderReplies(story.engine.lastRepliesIn(conversation), { conversationId: conversation }).length);
    expect(posts.every((post) => post.body['thread_ts'] === first.ts)).toBe(true);
  });

  it('waits out a 429 Retry-After from the Web API and still delivers the whole answer once', async () => {
    story.fake.rateLimitNext('chat.postMessage', 1, 1);
    const askedAt = Date.now();
    const { ts } = await story.mention({ channel: 'CLIMITED', user: 'ULIMITED', text: 'error 1020' });
    const posts = await story.answerIn('CLIMITED', 8_000);
    expect(posts[0]!.at - askedAt).toBeGreaterThanOrEqual(1_000);
    expect(posts).toHaveLength(renderReplies(story.engine.lastRepliesIn(`CLIMITED:${ts}`), { conversationId: `CLIMITED:${ts}` }).length);
    expect(blocksOf(posts)).toMatch(docsLinkFor1020);
  });

  it('acks Slack at once and answers when the engine is done', async () => {
    const held = story.engine.holdNext();
    try {
      const { http } = await story.mention({ channel: 'CSLOW', user: 'USLOW', text: 'error 1020' });
      expect(http.status).toBe(200);
      await vi.waitFor(() => expect(story.engine.turns.some((turn) => turn.conversation.user === 'USLOW')).toBe(true), { interval: 10 });
      expect(story.postsIn('CSLOW')).toEqual([]);
    } finally {
      held.release();
    }
    expect(blocksOf(await story.answerIn('CSLOW'))).toMatch(docsLinkFor1020);
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
