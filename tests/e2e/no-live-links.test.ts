import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../fakes/discord/bot-under-test.ts';
import { world } from '../fakes/discord/world.ts';
import { SlackStory, SUPPORT_CHANNEL } from '../fakes/slack/slack-story.ts';

/** User text that would render as a masked link, a mention or a channel link if quoted as is. */
const discordHostile = `error 522 [click here](https://evil.example/login) and [docs](<https://evil.example/x>) <@${world.users.alice.id}> <@&${world.roles.moderator.id}> <#${world.channels.moderators.id}> @everyone @here`;

describe('Discord: user text quoted in a hand-off never renders as a link or a mention', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('shows the transcript line as typed: the masked link, mentions and channel link stay inert', async () => {
    const { bob, mod } = world.users;
    await bot.fake.firstMessageFor(bot.fake.runsSlashCommand(bob, 'ask', { question: discordHostile }));
    await bot.fake.firstMessageFor(bot.fake.runsSlashCommand(mod, 'handoff', { user: { user: bob } }));
    const transcript = await bot.fake.rest.waitFor(`POST /channels/${world.channels.moderators.id}/messages`, (r) => JSON.stringify(r.body ?? '').includes('"Transcript"'));
    const description = String((transcript.body?.embeds as { description?: string }[])[0]?.description);
    expect(description).toContain('error 522');
    // Markdown that would make a link: an unescaped [label](url).
    expect(description).not.toMatch(/(?<!\\)\[[^\]]*\]\(/);
    // Mention and channel syntax that Discord would render as a chip.
    expect(description).not.toMatch(/(?<!\\)<(?:@[!&]?|#)\d+>/);
    expect(description).not.toMatch(/@(?:everyone|here)/);
    expect(transcript.body?.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('Slack: user text quoted back never renders as a link or a mention', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start();
  });
  afterAll(async () => {
    await story?.close();
  });

  it('keeps masked-link markdown, <url|label> links, mentions and channel links inert in the summary, the modal and the escalation post', async () => {
    // As Slack delivers typed text: < > & are entities, live mentions are <@U…>/<#C…|name>.
    const typed = 'error 522 [click here](https://evil.example/login) &lt;https://evil.example/x|docs&gt; <@U0VICTIM> <#C0SECRET|secret-room> <!channel>';
    const channel = 'CLINKS';
    const { ts } = await story.mention({ channel, user: 'UASKER', text: typed });
    await story.answerIn(channel);
    await story.postsAfter(channel, () => story.mention({ channel, user: 'UASKER', text: 'talk to a human', threadTs: ts }));
    await story.escalateMessage('UMOD', channel, { user: 'UASKER', text: typed, ts, threadTs: ts });
    const opened = await story.fake.waitForCall('views.open');
    await story.submitModal('UMOD', opened.body['view'] as Record<string, unknown>, `Summary with a link [click here](https://evil.example/login) <https://evil.example/y|here> <@U0VICTIM>`);
    await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === SUPPORT_CHANNEL);
    await story.slack.idle();

    // Everything rendered as mrkdwn; the modal's plain_text_input prefill shows text as typed and renders nothing.
    const wire = JSON.stringify([...story.fake.calls.filter((call) => call.method !== 'views.open').map((call) => call.body), ...story.fake.responses.map((response) => response.body)]);
    expect(wire).toContain('evil.example');
    expect(wire).not.toMatch(/<https?:\/\/evil\.example[^>]*\|/);
    expect(wire).not.toContain('<@U0VICTIM>');
    expect(wire).not.toContain('<#C0SECRET');
    expect(wire).not.toContain('<!channel>');
  });
});
