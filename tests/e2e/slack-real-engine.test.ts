import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spyOn } from '../fakes/slack/engines.ts';
import { realEngine, SlackStory } from '../fakes/slack/slack-story.ts';

/** The door with the real engine behind it: behaviour that holds whatever the knowledge says in detail. */
describe('Slack door with the real engine', () => {
  let story: SlackStory;
  let spy: ReturnType<typeof spyOn>;
  beforeAll(async () => {
    spy = spyOn(await realEngine());
    story = await SlackStory.start({ engine: spy.engine });
  });
  afterAll(async () => {
    await story?.close();
  });

  const docsLinkFor1020 = /<https:\/\/developers\.cloudflare\.com\/[^|>]*error-1020[^|>]*\|/;

  it('answers "@bot error 1020" in the thread with a link to the Cloudflare docs page for 1020', async () => {
    const { ts } = await story.mention({ channel: 'CREAL', user: 'UASKER', text: 'error 1020' });
    const reply = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CREAL');
    expect(reply.body['thread_ts']).toBe(ts);
    await story.slack.idle();
    const everything = JSON.stringify(story.postsIn('CREAL').map((call) => call.body['blocks']));
    expect(everything).toMatch(docsLinkFor1020);
  });

  it('sends a clicked choice back to the engine as a choice turn in the same conversation', async () => {
    const { ts } = await story.mention({ channel: 'CCHOICE', user: 'UASKER', text: 'error 1020' });
    await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CCHOICE');
    await story.slack.idle();
    const withChoices = story.postsIn('CCHOICE').find((call) => SlackStory.buttons(call.body['blocks']).some((b) => b.action_id.startsWith('cfb1:c:')));
    expect(withChoices, 'the engine offered no choices to click').toBeDefined();
    const [firstChoice] = SlackStory.buttons(withChoices!.body['blocks']).filter((b) => b.action_id.startsWith('cfb1:c:'));
    await story.click('UASKER', SlackStory.shown(withChoices!), firstChoice!.text.text);
    await story.fake.waitForCall('chat.update', (call) => call.body['channel'] === 'CCHOICE');
    await story.slack.idle();
    expect(spy.turns.at(-1)).toEqual({
      conversation: { platform: 'slack', id: `CCHOICE:${ts}`, user: 'UASKER' },
      input: { kind: 'choice', choiceId: firstChoice!.action_id.slice('cfb1:c:'.length) },
    });
  });

  it('answers /cfhelp error 1020 privately with the docs link and a "Post to channel" button', async () => {
    const { hook } = await story.slashCommand({ channel: 'CSLASHREAL', user: 'UASKER', text: 'error 1020' });
    await story.fake.waitForResponse(hook);
    await story.slack.idle();
    const responses = story.fake.responsesTo(hook);
    expect(responses.every((response) => response.body['response_type'] === 'ephemeral')).toBe(true);
    expect(JSON.stringify(responses.map((r) => r.body['blocks']))).toMatch(docsLinkFor1020);
    expect(responses.flatMap((r) => SlackStory.buttons(r.body['blocks'])).map((b) => b.text.text)).toContain('Post to channel');
  });

  it('pre-fills the escalation modal with the summary the engine built for that message', async () => {
    await story.escalateMessage('UMOD', 'CHELPREAL', { user: 'UAUTHOR', text: 'We get error 1020 on /login', ts: '1700000600.000100' });
    const opened = await story.fake.waitForCall('views.open');
    const summary = spy.handoffs.at(-1)?.result.escalation.summary ?? '';
    expect(summary.length).toBeGreaterThan(0);
    const input = JSON.stringify(opened.body['view']);
    expect(input).toContain(JSON.stringify(summary.slice(0, 3000)).slice(1, -1));
  });
});
