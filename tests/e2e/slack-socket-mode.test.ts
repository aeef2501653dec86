import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, mentionEvent, nextTs } from '../fakes/slack/payloads.ts';
import { docsLinkTo, SlackStory } from '../fakes/slack/slack-story.ts';

describe('Slack door over Socket Mode (SLACK_APP_TOKEN set)', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start({ socketMode: true });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('connects with the app token, acks the envelope and answers the mention in its thread', async () => {
    expect(story.fake.callsTo('apps.connections.open')).toHaveLength(1);
    const ts = nextTs();
    await story.socket!.deliverEvent(eventEnvelope(mentionEvent({ channel: 'CSOCKET', user: 'UASKER', text: 'error 1020', ts })));
    const posts = await story.answerIn('CSOCKET');
    expect(posts.every((post) => post.body['thread_ts'] === ts)).toBe(true);
    expect(JSON.stringify(posts.map((post) => post.body['blocks']))).toMatch(docsLinkTo('error-1020'));
  });

  it('still serves /healthz on PORT for probes', async () => {
    const health = await fetch(`${story.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });
});
