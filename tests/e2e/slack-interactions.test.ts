import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spyOn, TREE, treeEngine } from '../fakes/slack/engines.ts';
import { SlackStory, SUPPORT_CHANNEL } from '../fakes/slack/slack-story.ts';

describe('Slack door: walking a troubleshooting tree with buttons', () => {
  let story: SlackStory;
  let spy: ReturnType<typeof spyOn>;
  beforeAll(async () => {
    spy = spyOn(treeEngine());
    story = await SlackStory.start({ engine: spy.engine });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('marks the clicked step as answered in place and continues with the next step in the thread', async () => {
    const { ts: root } = await story.mention({ channel: 'CTREE', user: 'UASKER', text: 'error 1020' });
    const question = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CTREE');
    expect(JSON.stringify(question.body['blocks'])).toContain(TREE.firstQuestion);

    await story.click('UASKER', SlackStory.shown(question), TREE.proxied.label);

    const update = await story.fake.waitForCall('chat.update', (call) => call.body['ts'] === question.result['ts']);
    expect(SlackStory.buttons(update.body['blocks'])).toEqual([]);
    expect(JSON.stringify(update.body['blocks'])).toContain(TREE.firstQuestion);
    expect(JSON.stringify(update.body['blocks'])).toContain(TREE.proxied.label);

    await story.fake.waitFor(() => (story.postsIn('CTREE').length >= 3 ? true : undefined), 'the next step in the thread');
    const [, step, feedback] = story.postsIn('CTREE');
    expect(step?.body['thread_ts']).toBe(root);
    expect(JSON.stringify(step?.body['blocks'])).toContain('Check Security &gt; Events');
    expect(SlackStory.buttons(step?.body['blocks']).find((b) => b.url)).toMatchObject({ url: TREE.caseUrl, text: { text: 'Open a support case' } });
    expect(SlackStory.buttons(feedback?.body['blocks']).map((b) => [b.text.text, (b as { style?: string }).style])).toEqual([
      ['Yes', 'primary'],
      ['No', 'danger'],
    ]);

    expect(spy.turns.at(-1)).toEqual({
      conversation: { platform: 'slack', id: `CTREE:${root}`, user: 'UASKER' },
      input: { kind: 'choice', choiceId: TREE.proxied.id },
    });
  });

  it('says "This conversation expired" for a button it no longer knows', async () => {
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
});

describe('Slack door: /cfhelp', () => {
  let story: SlackStory;
  beforeAll(async () => {
    story = await SlackStory.start({ engine: treeEngine() });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('answers only the asker, then re-posts the answer publicly on "Post to channel"', async () => {
    const { hook, http } = await story.slashCommand({ channel: 'CSLASH', user: 'UASKER', text: 'error 1020' });
    expect(http.status).toBe(200);
    const ephemeral = await story.fake.waitForResponse(hook, (response) => Array.isArray(response.body['blocks']));
    expect(ephemeral.body['response_type']).toBe('ephemeral');
    expect(JSON.stringify(ephemeral.body['blocks'])).toContain(TREE.firstQuestion);
    expect(story.postsIn('CSLASH')).toEqual([]);

    await story.fake.waitFor(() => (story.fake.responsesTo(hook).some((r) => SlackStory.buttons(r.body['blocks']).some((b) => b.text.text === 'Post to channel')) ? true : undefined), 'the share button');
    const withShare = story.fake.responsesTo(hook).find((r) => SlackStory.buttons(r.body['blocks']).some((b) => b.text.text === 'Post to channel'))!;
    const { hook: clickHook } = await story.click(
      'UASKER',
      { channel: 'CSLASH', ts: '1700000003.000100', text: '', blocks: withShare.body['blocks'] as unknown[], ephemeral: true },
      'Post to channel',
    );

    const publicPost = await story.fake.waitForCall('chat.postMessage', (call) => call.body['channel'] === 'CSLASH');
    expect(publicPost.body['thread_ts']).toBeUndefined();
    expect(JSON.stringify(publicPost.body['blocks'])).toContain(TREE.firstQuestion);
    expect(SlackStory.buttons(publicPost.body['blocks']).filter((b) => b.action_id.startsWith('cfb1:c:') || b.text.text === 'Post to channel')).toEqual([]);
    const confirmation = await story.fake.waitForResponse(clickHook);
    expect(confirmation.body).toMatchObject({ replace_original: true, text: 'Posted to the channel.' });
  });

  it('walks a tree inside the private answer by replacing it with the next step', async () => {
    const { hook } = await story.slashCommand({ channel: 'CSLASHTREE', user: 'UASKER', text: 'error 1020' });
    const ephemeral = await story.fake.waitForResponse(hook, (response) => Array.isArray(response.body['blocks']));
    const { hook: clickHook } = await story.click(
      'UASKER',
      { channel: 'CSLASHTREE', ts: '1700000004.000100', text: '', blocks: ephemeral.body['blocks'] as unknown[], ephemeral: true },
      TREE.proxied.label,
    );
    const next = await story.fake.waitForResponse(clickHook);
    expect(next.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(JSON.stringify(next.body['blocks'])).toContain('Check Security &gt; Events');
    expect(story.postsIn('CSLASHTREE')).toEqual([]);
  });

  it('tells the asker when it cannot post in the channel instead of failing silently', async () => {
    const { hook } = await story.slashCommand({ channel: 'CNOTIN', user: 'UASKER', text: 'error 1020' });
    const answer = await story.fake.waitForResponse(hook, (response) => SlackStory.buttons(response.body['blocks']).some((b) => b.text.text === 'Post to channel'));
    story.fake.failWith('chat.postMessage', 'not_in_channel');
    try {
      const { hook: clickHook } = await story.click(
        'UASKER',
        { channel: 'CNOTIN', ts: '1700000005.000100', text: '', blocks: answer.body['blocks'] as unknown[], ephemeral: true },
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
  let spy: ReturnType<typeof spyOn>;
  beforeAll(async () => {
    spy = spyOn(treeEngine());
    story = await SlackStory.start({ engine: spy.engine });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('opens a modal pre-filled with the case summary, and posts the edited summary to the escalation channel', async () => {
    const message = { user: 'UAUTHOR', text: 'Our checkout returns error 1020 since 9am', ts: '1700000500.000100', threadTs: '1700000400.000100' };
    const { http } = await story.escalateMessage('UMOD', 'CHELP', message);
    expect(http.status).toBe(200);

    const opened = await story.fake.waitForCall('views.open');
    expect(spy.handoffs[0]?.request).toEqual({
      platform: 'slack',
      user: 'UAUTHOR',
      requestedBy: 'UMOD',
      messageText: message.text,
      conversationId: `CHELP:${message.threadTs}`,
    });
    const view = opened.body['view'] as Record<string, unknown>;
    expect(view['callback_id']).toBe('escalate_to_support_modal');
    expect(JSON.stringify(view)).toContain(JSON.stringify(spy.handoffs[0]?.result.escalation.summary).slice(1, -1));
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
    story = await SlackStory.start({ engine: treeEngine(), env: { SLACK_ESCALATION_CHANNEL: '' } });
  });
  afterAll(async () => {
    await story?.close();
  });

  it('gives the requester the case link and summary privately instead of a modal that cannot deliver', async () => {
    const { hook } = await story.escalateMessage('UMOD', 'CHELP', { user: 'UAUTHOR', text: 'error 1020 on checkout', ts: '1700000700.000100' });
    const response = await story.fake.waitForResponse(hook);
    expect(response.body['response_type']).toBe('ephemeral');
    expect(SlackStory.buttons(response.body['blocks']).find((b) => b.url)?.url).toBe(TREE.caseUrl);
    expect(JSON.stringify(response.body['blocks'])).toContain('Case for UAUTHOR');
    await story.slack.idle();
    expect(story.fake.callsTo('views.open')).toEqual([]);
  });
});
