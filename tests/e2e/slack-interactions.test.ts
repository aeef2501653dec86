import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeSlackText } from '../../adapters/slack/mrkdwn.ts';
import type { RecordedCall, RecordedResponse } from '../fakes/slack/fake-slack-api.ts';
import { actionableIn, docsLinkTo, SlackStory, SUPPORT_CHANNEL } from '../fakes/slack/slack-story.ts';

const docsLinkFor1020 = docsLinkTo('error-1020');
const blocksOf = (messages: (RecordedCall | RecordedResponse)[]) => messages.map((message) => message.body['blocks']);
const withChoices = (messages: RecordedCall[]) => messages.find((message) => SlackStory.choiceButtons(message.body['blocks']).length > 0);

/** Clicks a choice on a message in a channel; resolves with the receipt edit and the messages posted after it. */
async function choose(story: SlackStory, user: string, message: RecordedCall, choiceId: string): Promise<{ update: RecordedCall; next: RecordedCall[] }> {
  const channel = String(message.body['channel']);
  const button = SlackStory.choiceButtons(message.body['blocks']).find((b) => SlackStory.choiceIdOf(b) === choiceId);
  if (!button) throw new Error(`no choice ${choiceId} on the message`);
  const next = await story.postsAfter(channel, () => story.press(user, SlackStory.shown(message), button));
  const update = await story.fake.waitForCall('chat.update', (call) => call.body['ts'] === message.result['ts'] && call.at >= message.at);
  return { update, next };
}

describe('Slack door: walking a troubleshooting tree with buttons', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start();
  });
  afterAll(async () => {
    await story?.close();
  });

  it('marks the clicked step as answered in place and continues with the engine\'s next step in the thread', async () => {
    const { ts: root } = await story.mention({ channel: 'CTREE', user: 'UASKER', text: 'error 1020' });
    const question = withChoices(await story.answerIn('CTREE'));
    expect(question, 'the engine offered no tree step to click').toBeDefined();
    const [option] = SlackStory.choiceButtons(question!.body['blocks']);
    expect(SlackStory.choiceIdOf(option!)).toMatch(/^opt:access-denied:/);

    const { update, next } = await choose(story, 'UASKER', question!, SlackStory.choiceIdOf(option!));

    // The step stays readable, loses its buttons and shows what was picked.
    const updated = update.body['blocks'] as { type: string }[];
    expect(SlackStory.choiceButtons(updated)).toEqual([]);
    expect(updated).toEqual(expect.arrayContaining((question!.body['blocks'] as { type: string }[]).filter((block) => block.type !== 'actions')));
    expect(JSON.stringify(updated.at(-1))).toContain(option!.text.text);

    expect(story.engine.turns.at(-1)).toEqual({
      conversation: { platform: 'slack', id: `CTREE:${root}`, user: 'UASKER', place: 'CTREE' },
      input: { kind: 'choice', choiceId: SlackStory.choiceIdOf(option!) },
    });
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((post) => post.body['thread_ts'] === root)).toBe(true);
    expect(SlackStory.actionableIn(blocksOf(next))).toEqual(actionableIn(story.engine.lastRepliesIn(`CTREE:${root}`)));
  });

  it('ends a walk through the tree with "Did that solve it?" buttons styled as feedback', async () => {
    const { ts: root } = await story.mention({ channel: 'CWALK', user: 'UWALK', text: 'error 522 on my site' });
    let step = withChoices(await story.answerIn('CWALK'));
    expect(SlackStory.choiceButtons(step?.body['blocks']).map(SlackStory.choiceIdOf).every((id) => id.startsWith('opt:origin-connectivity:'))).toBe(true);
    for (let clicks = 0; step && clicks < 10; clicks += 1) {
      const offered = SlackStory.choiceButtons(step.body['blocks']).map(SlackStory.choiceIdOf);
      if (offered.includes('solved:yes')) break;
      const option = offered.find((id) => id.startsWith('opt:'));
      if (!option) break;
      step = withChoices((await choose(story, 'UWALK', step, option)).next);
    }
    const feedback = SlackStory.choiceButtons(step?.body['blocks']);
    expect(feedback.map((b) => [SlackStory.choiceIdOf(b), b.style])).toEqual([
      ['solved:yes', 'primary'],
      ['solved:no', 'danger'],
    ]);
    expect(step?.body['thread_ts']).toBe(root);
    expect(story.engine.lastRepliesIn(`CWALK:${root}`).some((reply) => reply.feedback)).toBe(true);
  });

  it('offers a pre-filled support case when the user asks for a human in the thread', async () => {
    const { ts: root } = await story.mention({ channel: 'CHUMAN', user: 'UHUMAN', text: 'error 1020 on my site' });
    await story.answerIn('CHUMAN');
    const handoff = await story.postsAfter('CHUMAN', () => story.mention({ channel: 'CHUMAN', user: 'UHUMAN', text: 'talk to a human', threadTs: root }));

    const escalation = story.engine.lastRepliesIn(`CHUMAN:${root}`).find((reply) => reply.escalation)?.escalation;
    expect(escalation, 'the engine did not escalate').toBeDefined();
    expect(escalation!.summary).toContain('1020');
    const caseLink = handoff.flatMap((post) => SlackStory.buttons(post.body['blocks'])).find((b) => b.url);
    expect(caseLink?.url).toBe(escalation!.url);
    expect(caseLink?.style).toBe('primary');
    // The summary is shown quoted, ready to paste into the case.
    expect(JSON.stringify(blocksOf(handoff))).toContain(`>${escapeSlackText(escalation!.summary.split('\n')[0]!)}`);
    expect(handoff.every((post) => post.body['thread_ts'] === root)).toBe(true);
  });

  it('says "This conversation expired" for a button from an older release', async () => {
    const stale = { channel: 'CSTALE', ts: '1700000001.000100', text: 'old', blocks: [] };
    const { hook } = await story.press('UASKER', stale, { action_id: 'cfb0:c:solved:yes', value: 'v0|solved:yes', text: { type: 'plain_text', text: 'Yes' } });
    const response = await story.fake.waitForResponse(hook);
    expect(response.body).toMatchObject({ response_type: 'ephemeral', text: 'This conversation expired, ask again.' });
    expect(story.fake.callsTo('chat.update').filter((call) => call.body['channel'] === 'CSTALE')).toEqual([]);
  });

  it('treats a current-looking button with an unreadable value as expired too', async () => {
    const stale = { channel: 'CSTALE2', ts: '1700000002.000100', text: 'old', blocks: [] };
    const { hook } = await story.press('UASKER', stale, { action_id: 'cfb1:c:solved:yes', value: 'garbage', text: { type: 'plain_text', text: 'Yes' } });
    const response = await story.fake.waitForResponse(hook);
    expect(response.body['text']).toBe('This conversation expired, ask again.');
  });

  it('tells only the clicker that the conversation expired when the engine no longer has the step', async () => {
    // The step was posted before a restart: the new process (fresh in-memory store) gets the click.
    await story.mention({ channel: 'CEXPIRED', user: 'UOLD', text: 'error 1020' });
    const question = withChoices(await story.answerIn('CEXPIRED'))!;
    const [option] = SlackStory.choiceButtons(question.body['blocks']);
    const restarted = await SlackStory.start();
    try {
      const { hook } = await restarted.press('UOLD', SlackStory.shown(question), option!);
      const response = await restarted.fake.waitForResponse(hook);
      expect(response.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'This conversation expired, ask again.' });
      // Nothing public changes: the old step keeps its buttons and the thread gets no new post.
      expect(restarted.fake.callsTo('chat.update')).toHaveLength(0);
      expect(restarted.fake.callsTo('chat.postMessage')).toHaveLength(0);
    } finally {
      await restarted.close();
    }
  });
});

describe('Slack door: /cfhelp', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start();
  });
  afterAll(async () => {
    await story?.close();
  });

  /** Runs /cfhelp and waits until the whole private answer arrived. */
  async function cfhelp(channel: string, text: string): Promise<{ hook: string; answer: RecordedResponse[] }> {
    const { hook, http } = await story.slashCommand({ channel, user: 'UASKER', text });
    expect(http.status).toBe(200);
    await story.fake.waitForResponse(hook);
    await story.slack.idle();
    return { hook, answer: story.fake.responsesTo(hook) };
  }
  const hasShareButton = (response: RecordedResponse) => SlackStory.buttons(response.body['blocks']).some((b) => b.text.text === 'Post to channel');

  it('answers only the asker, then re-posts the answer publicly on "Post to channel"', async () => {
    const { answer } = await cfhelp('CSLASH', 'error 1020');
    expect(answer.every((response) => response.body['response_type'] === 'ephemeral')).toBe(true);
    expect(JSON.stringify(blocksOf(answer))).toMatch(docsLinkFor1020);
    expect(SlackStory.actionableIn(blocksOf(answer)).choices.length).toBeGreaterThan(0);
    expect(story.postsIn('CSLASH')).toEqual([]);

    const withShare = answer.find(hasShareButton);
    expect(withShare, 'no "Post to channel" button').toBeDefined();
    const { hook: clickHook } = await story.click(
      'UASKER',
      { channel: 'CSLASH', ts: '1700000003.000100', text: '', blocks: withShare!.body['blocks'] as unknown[], ephemeral: true },
      'Post to channel',
    );

    const confirmation = await story.fake.waitForResponse(clickHook);
    expect(confirmation.body).toMatchObject({ replace_original: true, text: 'Posted to the channel.' });
    const publicPosts = story.postsIn('CSLASH');
    expect(publicPosts.length).toBeGreaterThan(0);
    expect(publicPosts.every((post) => post.body['thread_ts'] === undefined)).toBe(true);
    expect(JSON.stringify(blocksOf(publicPosts))).toMatch(docsLinkFor1020);
    // A copy for the channel: nobody else can click the asker's tree or share it again.
    expect(publicPosts.flatMap((post) => SlackStory.buttons(post.body['blocks'])).filter((b) => b.action_id.startsWith('cfb1:c:') || b.text.text === 'Post to channel')).toEqual([]);
  });

  it('walks a tree inside the private answer by replacing it with the next step', async () => {
    const { answer } = await cfhelp('CSLASHTREE', 'error 1020');
    const question = answer.find((response) => SlackStory.choiceButtons(response.body['blocks']).length > 0)!;
    const [option] = SlackStory.choiceButtons(question.body['blocks']);
    const { hook: clickHook } = await story.click(
      'UASKER',
      { channel: 'CSLASHTREE', ts: '1700000004.000100', text: '', blocks: question.body['blocks'] as unknown[], ephemeral: true },
      option!.text.text,
    );
    await story.fake.waitForResponse(clickHook);
    await story.slack.idle();
    const next = story.fake.responsesTo(clickHook);
    expect(next[0]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(next.every((response) => response.body['response_type'] === 'ephemeral')).toBe(true);
    expect(story.engine.turns.at(-1)?.input).toEqual({ kind: 'choice', choiceId: SlackStory.choiceIdOf(option!) });
    expect(SlackStory.actionableIn(blocksOf(next))).toEqual(actionableIn(story.engine.lastRepliesIn('CSLASHTREE:slash:UASKER')));
    expect(story.postsIn('CSLASHTREE')).toEqual([]);
  });

  it('tells the asker when it cannot post in the channel instead of failing silently', async () => {
    const { answer } = await cfhelp('CNOTIN', 'error 1020');
    const withShare = answer.find(hasShareButton)!;
    story.fake.failWith('chat.postMessage', 'not_in_channel');
    try {
      const { hook: clickHook } = await story.click(
        'UASKER',
        { channel: 'CNOTIN', ts: '1700000005.000100', text: '', blocks: withShare.body['blocks'] as unknown[], ephemeral: true },
        'Post to channel',
      );
      const reply = await story.fake.waitForResponse(clickHook);
      expect(String(reply.body['text'])).toContain('/invite');
    } finally {
      story.fake.failWith('chat.postMessage', undefined);
    }
  });

  it('explains how to use it when called without a question', async () => {
    const { hook } = await story.slashCommand({ channel: 'CSLASH2', user: 'UASKER', text: '   ' });
    const response = await story.fake.waitForResponse(hook);
    expect(String(response.body['text'])).toContain('/cfhelp');
  });
});

describe('Slack door: "Escalate to support" shortcut', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start();
  });
  afterAll(async () => {
    await story?.close();
  });

  it('opens a modal pre-filled with the engine\'s case summary, and posts the edited summary to the escalation channel', async () => {
    const message = { user: 'UAUTHOR', text: 'Our checkout returns error 1020 since 9am', ts: '1700000500.000100', threadTs: '1700000400.000100' };
    const { http } = await story.escalateMessage('UMOD', 'CHELP', message);
    expect(http.status).toBe(200);

    const opened = await story.fake.waitForCall('views.open');
    expect(story.engine.handoffs[0]?.request).toEqual({
      platform: 'slack',
      user: 'UAUTHOR',
      requestedBy: 'UMOD',
      messageText: message.text,
      conversationId: `CHELP:${message.threadTs}`,
    });
    const summary = story.engine.handoffs[0]!.result.escalation.summary;
    expect(summary).toContain('1020');
    const view = opened.body['view'] as Record<string, unknown>;
    expect(view['callback_id']).toBe('escalate_to_support_modal');
    const input = (view['blocks'] as { type: string; element?: { initial_value?: string } }[]).find((block) => block.type === 'input');
    expect(input?.element?.initial_value).toBe(summary.slice(0, 3000));
    expect(opened.body['trigger_id']).toMatch(/^trigger-/);

    const edited = 'Checkout at shop.example.com blocked with 1020 for EU users since 09:00 UTC. <!channel>';
    const submitted = await story.submitModal('UMOD', view, edited);
    expect(submitted.status).toBe(200);

    const escalation = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === SUPPORT_CHANNEL);
    const posted = JSON.stringify(escalation.body['blocks']);
    expect(posted).toContain('Checkout at shop.example.com blocked with 1020');
    expect(posted).not.toContain('<!channel>');
    expect(posted).toContain('<#CHELP>');

    const confirmation = await story.fake.waitForCall('chat.postEphemeral', (call) => call.body['user'] === 'UMOD');
    expect(confirmation.body).toMatchObject({ channel: 'CHELP', thread_ts: message.threadTs });
    expect(String(confirmation.body['text'])).toContain('Sent to the support team');
  });
});

describe('Slack door: escalation without an escalation channel configured', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start({ env: { SLACK_ESCALATION_CHANNEL: '' } });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('gives the requester the case link and summary privately instead of a modal that cannot deliver', async () => {
    const { hook } = await story.escalateMessage('UMOD', 'CHELP', { user: 'UAUTHOR', text: 'error 1020 on checkout', ts: '1700000700.000100' });
    const response = await story.fake.waitForResponse(hook);
    expect(response.body['response_type']).toBe('ephemeral');
    const { escalation } = story.engine.handoffs.at(-1)!.result;
    expect(SlackStory.buttons(response.body['blocks']).find((b) => b.url)?.url).toBe(escalation.url);
    expect(JSON.stringify(response.body['blocks'])).toContain(`>${escapeSlackText(escalation.summary.split('\n')[0]!)}`);
    expect(escalation.summary).toContain('1020');
    await story.slack.idle();
    expect(story.fake.callsTo('views.open')).toEqual([]);
  });
});
