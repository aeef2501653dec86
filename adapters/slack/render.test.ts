import { describe, expect, it } from 'vitest';
import type { types } from '@slack/bolt';
import type { Reply } from '../../src/conversation/seam.ts';
import { decodeChoiceValue, decodeShareValue } from './action-ids.ts';
import { markChoiceMade } from './choice-receipt.ts';
import { renderReplies, renderReply, SLACK_LIMITS, type SlackMessage } from './render.ts';

const conversationId = 'C1:1700000000.000100';

function blocksOfType<T extends types.KnownBlock['type']>(message: SlackMessage, type: T): Extract<types.KnownBlock, { type: T }>[] {
  return message.blocks.filter((block): block is Extract<types.KnownBlock, { type: T }> => block.type === type);
}

function sectionTexts(messages: SlackMessage[]): string[] {
  return messages.flatMap((message) => blocksOfType(message, 'section').map((block) => block.text?.text ?? ''));
}

function buttons(message: SlackMessage): types.Button[] {
  return blocksOfType(message, 'actions').flatMap((block) => block.elements.filter((element): element is types.Button => element.type === 'button'));
}

const answer: Reply = {
  title: 'Error 1020: Access denied',
  text: 'A **firewall rule** blocked you. See [the 1020 guide](https://developers.cloudflare.com/support/error-1020/?a=1&b=2).\n- check rules\n- check IP',
  sources: [{ title: 'Error 1020', url: 'https://developers.cloudflare.com/support/error-1020/' }],
  choices: [{ id: 'solved:yes', label: 'Yes, solved', meaning: 'positive' }, { id: 'solved:no', label: 'No, still broken', meaning: 'negative' }],
  feedback: true,
};

describe('renderReply', () => {
  it('shows the title as a header and the answer as Slack mrkdwn with bold, links and bullets', () => {
    const [message] = renderReply(answer, { conversationId });
    expect(message?.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Error 1020: Access denied', emoji: true } });
    const text = sectionTexts(renderReply(answer, { conversationId })).join('\n');
    expect(text).toContain('*firewall rule*');
    expect(text).toContain('<https://developers.cloudflare.com/support/error-1020/?a=1&amp;b=2|the 1020 guide>');
    expect(text).toContain('• check rules');
  });

  it('drops markdown backslash escapes instead of showing the backslash', () => {
    const [message] = renderReply({ text: 'Go to **Security** \\> **Analytics** and keep `a\\>b` as typed' }, { conversationId });
    expect(sectionTexts([message!])[0]).toBe('Go to *Security* &gt; *Analytics* and keep `a\\&gt;b` as typed');
    expect(message?.text).toContain('Security &gt; Analytics');
  });

  it('cites every source as a link in a context block', () => {
    const [message] = renderReply(answer, { conversationId });
    const context = blocksOfType(message!, 'context')[0];
    expect(JSON.stringify(context)).toContain('<https://developers.cloudflare.com/support/error-1020/|Error 1020>');
  });

  it('gives a plain-text fallback for notifications', () => {
    const [message] = renderReply(answer, { conversationId });
    expect(message?.text).toContain('Error 1020: Access denied');
    expect(message?.text).toContain('firewall rule');
    expect(message?.text).not.toContain('**');
  });

  it('makes broadcast and user mentions in engine or user text inert', () => {
    const hostile: Reply = { title: '<!here>', text: 'You asked: <!channel> <!everyone> <@U123> <!subteam^S1> & [x](javascript:alert(1))' };
    const [message] = renderReply(hostile, { conversationId });
    const wire = JSON.stringify(message);
    for (const live of ['<!channel>', '<!everyone>', '<@U123>', '<!subteam^S1>', '<javascript:']) expect(wire).not.toContain(live);
    expect(sectionTexts([message!]).join('')).toContain('&lt;!channel&gt;');
    expect(message?.text).not.toContain('<!here>');
  });

  it('renders choices as namespaced buttons whose values lead back to the same conversation and choice', () => {
    const [message] = renderReply(answer, { conversationId });
    const [yes, no] = buttons(message!);
    expect(yes?.action_id).toBe('cfb1:c:solved:yes');
    expect(decodeChoiceValue(yes?.value)).toEqual({ conversationId, choiceId: 'solved:yes' });
    expect(decodeChoiceValue(no?.value)).toEqual({ conversationId, choiceId: 'solved:no' });
  });

  it('styles "Did that solve it?" buttons as primary and danger, and plain tree choices not at all', () => {
    const [feedback] = renderReply(answer, { conversationId });
    expect(buttons(feedback!).map((b) => b.style)).toEqual(['primary', 'danger']);
    const [tree] = renderReply({ ...answer, feedback: false }, { conversationId });
    expect(buttons(tree!).map((b) => b.style)).toEqual([undefined, undefined]);
  });

  it('keeps labels within 75 chars and puts at most 25 buttons in one actions block', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ id: `opt${i}`, label: `${'Option '.repeat(10)}${i}`.slice(0, 75) }));
    choices[0] = { id: 'long', label: 'x'.repeat(75) };
    const [message] = renderReply({ text: 'Pick one', choices }, { conversationId });
    const actionBlocks = blocksOfType(message!, 'actions');
    expect(actionBlocks.map((b) => b.elements.length)).toEqual([25, 5]);
    for (const b of buttons(message!)) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonLabel);
  });

  it('splits long answers into sections of at most 3000 chars at paragraph boundaries, never inside a link', () => {
    const link = '[a guide with a long name](https://developers.cloudflare.com/support/troubleshooting/some/very/long/path/)';
    const paragraph = `${'word '.repeat(150)}${link} ${'tail '.repeat(100)}`;
    const text = Array.from({ length: 6 }, () => paragraph).join('\n\n');
    const texts = sectionTexts(renderReply({ text }, { conversationId }));
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(t.split('<').length).toBe(t.split('>').length);
    }
    expect(texts.join('')).toContain('|a guide with a long name>');
  });

  it('splits a single huge line at word boundaries outside links', () => {
    const text = Array.from({ length: 200 }, (_, i) => `[doc ${i}](https://example.com/${i}) and`).join(' ');
    const texts = sectionTexts(renderReply({ text }, { conversationId }));
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(t.split('<').length).toBe(t.split('>').length);
    }
  });

  it('closes and reopens a code block that had to be split across sections', () => {
    const code = Array.from({ length: 200 }, (_, i) => `curl -sv https://example.com/cdn-cgi/trace # attempt ${i}`).join('\n');
    const texts = sectionTexts(renderReply({ text: `Run this:\n\n\`\`\`\n${code}\n\`\`\`\n\nThen compare.` }, { conversationId }));
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect((t.split('```').length - 1) % 2).toBe(0);
    }
    expect(texts.at(-1)).toContain('Then compare.');
  });

  it('splits replies that need more than 50 blocks into several messages', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} ${'x'.repeat(2900)}`).join('\n\n');
    const messages = renderReply({ title: 'Long', text, choices: [{ id: 'a', label: 'A' }] }, { conversationId });
    expect(messages.length).toBe(2);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(m.text.length).toBeGreaterThan(0);
    }
    expect(blocksOfType(messages[1]!, 'actions')).toHaveLength(1);
  });

  it('renders an escalation as summary, checklist and a link button to open the case', () => {
    const reply: Reply = {
      text: 'Let us get a human on this.',
      escalation: { url: 'https://dash.cloudflare.com/?to=/:account/support', summary: 'Site example.com returns 522 <@U9>', checklist: ['HAR file', 'Ray ID'], audience: 'cloudflare-support', heading: 'Open a support case', actionLabel: 'Open a support case' },
    };
    const [message] = renderReply(reply, { conversationId });
    const link = buttons(message!).find((b) => b.url);
    expect(link?.url).toBe('https://dash.cloudflare.com/?to=/:account/support');
    expect(link?.text.text).toBe('Open a support case');
    const text = sectionTexts([message!]).join('\n');
    expect(text).toContain('522 &lt;@U9&gt;');
    expect(text).toContain('• HAR file');
  });

  it('drops choice buttons from non-interactive copies but keeps the escalation link', () => {
    const reply: Reply = { ...answer, escalation: { url: 'https://example.com/case', summary: 's', checklist: [], audience: 'site-owner', heading: 'Contact the site owner', actionLabel: 'Who to contact' } };
    const [message] = renderReply(reply, { conversationId, interactive: false });
    expect(buttons(message!).map((b) => b.text.text)).toEqual(['Who to contact']);
  });
});

describe('renderReplies', () => {
  it('adds one "Post to channel" button carrying the share key, at the very end', () => {
    const messages = renderReplies([answer, { text: 'second' }], { conversationId, shareKey: 'k1' });
    const shares = messages.flatMap(buttons).filter((b) => b.text.text === 'Post to channel');
    expect(shares).toHaveLength(1);
    expect(decodeShareValue(shares[0]?.value)).toBe('k1');
    expect(messages.at(-1)!.blocks.at(-1)?.type).toBe('actions');
  });

  it('sends an answer of several replies as one message when Slack would accept it', () => {
    const messages = renderReplies([{ text: 'I removed what looked like a token.' }, answer], { conversationId });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain('I removed what looked like a token.');
    expect(buttons(messages[0]!).map((b) => b.text.text)).toEqual(buttons(renderReply(answer, { conversationId })[0]!).map((b) => b.text.text));
  });

  it('keeps replies apart when joining them would repeat a button or pass the block limit', () => {
    expect(renderReplies([answer, answer], { conversationId })).toHaveLength(2);
    const long: Reply = { text: Array.from({ length: 30 }, (_, i) => `${'x'.repeat(2900)} ${i}`).join('\n\n') };
    const messages = renderReplies([long, long], { conversationId });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  });
});

describe('markChoiceMade', () => {
  it('removes the choice buttons and shows what was picked', () => {
    const [message] = renderReply(answer, { conversationId });
    const updated = markChoiceMade(message!.blocks, 'Yes, solved');
    expect(updated.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(updated.at(-1))).toContain('Yes, solved');
    expect(updated[0]).toEqual(message!.blocks[0]);
  });
});
