import type { types } from '@slack/bolt';
import type { Choice, Escalation, Reply, SourceLink } from '../../src/conversation/seam.ts';
import { choiceActionId, encodeChoiceValue, encodeShareValue, linkActionId, SHARE_ACTION } from './action-ids.ts';
import { inGroupsOf, uniqueBy } from '../shared/choices.ts';
import { escapeSlackText, slackLink, splitMrkdwn, toMrkdwn, toPlainFallback, truncate } from './mrkdwn.ts';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Block Kit limits Slack rejects a message for exceeding (invalid_blocks), not style choices. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  headerText: 150,
  blocksPerMessage: 50,
  elementsPerActions: 25,
  elementsPerContext: 10,
  buttonLabel: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  fallbackText: 3000,
} as const;

export type SlackMessage = { text: string; blocks: KnownBlock[] };

export type RenderOptions = {
  /** Written into every choice button so a click finds its way back to the same engine conversation. */
  conversationId: string;
  /** False for copies others will read (a re-posted answer): no choice or feedback buttons. */
  interactive?: boolean;
  /** When set, the last message gets a "Post to channel" button carrying this key. */
  shareKey?: string;
};

function section(mrkdwn: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

function sections(mrkdwn: string): KnownBlock[] {
  return splitMrkdwn(mrkdwn, SLACK_LIMITS.sectionText).map(section);
}

function button(label: string, actionId: string, extra: Partial<Button> = {}): Button {
  return { type: 'button', text: { type: 'plain_text', text: truncate(label, SLACK_LIMITS.buttonLabel), emoji: true }, action_id: actionId, ...extra };
}

function sourceBlocks(sources: SourceLink[]): KnownBlock[] {
  return inGroupsOf(sources, SLACK_LIMITS.elementsPerContext).map((group, index) => ({
    type: 'context',
    elements: group.map((source, i) => ({
      type: 'mrkdwn' as const,
      text: `${index === 0 && i === 0 ? 'Sources: ' : ''}${slackLink(source.url, source.title)}`,
    })),
  }));
}

/** On a feedback prompt, a verdict ("Yes, solved" / "No, still broken") is styled by the meaning the engine gave it. */
function verdictStyle(choice: Choice, isFeedback: boolean): Partial<Button> {
  if (!isFeedback) return {};
  if (choice.meaning === 'positive') return { style: 'primary' };
  if (choice.meaning === 'negative') return { style: 'danger' };
  return {};
}

function choiceBlocks(choices: Choice[], isFeedback: boolean, conversationId: string): KnownBlock[] {
  // Slack rejects a message whose action_ids repeat, so a repeated choice id is shown once.
  const unique = uniqueBy(choices, (choice) => choice.id);
  const buttons = unique.map((choice) =>
    button(choice.label, choiceActionId(choice.id), {
      value: encodeChoiceValue({ conversationId, choiceId: choice.id }).slice(0, SLACK_LIMITS.buttonValue),
      ...verdictStyle(choice, isFeedback),
    }),
  );
  return inGroupsOf(buttons, SLACK_LIMITS.elementsPerActions).map((elements) => ({ type: 'actions', elements }));
}

/** Heading and button wording come from the engine (escalation.heading, escalation.actionLabel). */
function escalationBlocks(escalation: Escalation): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`*${escapeSlackText(escalation.heading)}*`)];
  if (escalation.summary.trim()) {
    const quoted = escapeSlackText(escalation.summary).split('\n').map((line) => `>${line}`).join('\n');
    blocks.push(...sections(`Summary to include:\n${quoted}`));
  }
  if (escalation.checklist.length > 0) {
    blocks.push(...sections(`*Before you submit:*\n${escalation.checklist.map((item) => `• ${escapeSlackText(item)}`).join('\n')}`));
  }
  blocks.push({
    type: 'actions',
    elements: [button(escalation.actionLabel, linkActionId('escalation'), { url: escalation.url.slice(0, SLACK_LIMITS.buttonUrl), style: 'primary' })],
  });
  return blocks;
}

function replyBlocks(reply: Reply, options: RenderOptions): KnownBlock[] {
  const interactive = options.interactive ?? true;
  const blocks: KnownBlock[] = [];
  if (reply.title?.trim()) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(reply.title.trim(), SLACK_LIMITS.headerText), emoji: true } });
  }
  blocks.push(...sections(toMrkdwn(reply.text)));
  if (reply.sources?.length) blocks.push(...sourceBlocks(reply.sources));
  if (reply.escalation) blocks.push(...escalationBlocks(reply.escalation));
  if (interactive && reply.choices?.length) blocks.push(...choiceBlocks(reply.choices, reply.feedback ?? false, options.conversationId));
  return blocks;
}

function fallbackText(reply: Reply): string {
  const parts = [reply.title, reply.text].filter((part): part is string => Boolean(part?.trim()));
  return truncate(toPlainFallback(parts.join('\n')), SLACK_LIMITS.fallbackText) || 'Cloudflare support answer';
}

/** One Reply -> one or more messages, split so none exceeds the 50-block limit. */
export function renderReply(reply: Reply, options: RenderOptions): SlackMessage[] {
  const text = fallbackText(reply);
  return inGroupsOf(replyBlocks(reply, options), SLACK_LIMITS.blocksPerMessage).map((blocks, index) => ({
    text: index === 0 ? text : `${truncate(text, 200)} (continued)`,
    blocks,
  }));
}

function actionIds(message: SlackMessage): string[] {
  return message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements.map((element) => ('action_id' in element ? (element.action_id ?? '') : '')) : []));
}

/**
 * Consecutive messages are joined into one while Slack would accept it (block count, fallback
 * length, no repeated action_id): one chat.postMessage per answer instead of one per Reply,
 * which halves the Web API calls of a typical answer (card + notice).
 */
function packed(messages: SlackMessage[]): SlackMessage[] {
  const out: SlackMessage[] = [];
  for (const message of messages) {
    const previous = out.at(-1);
    const fits =
      previous !== undefined &&
      previous.blocks.length + message.blocks.length <= SLACK_LIMITS.blocksPerMessage &&
      previous.text.length + 1 + message.text.length <= SLACK_LIMITS.fallbackText &&
      !actionIds(message).some((id) => actionIds(previous).includes(id));
    if (fits) out[out.length - 1] = { text: `${previous.text}\n${message.text}`, blocks: [...previous.blocks, ...message.blocks] };
    else out.push({ text: message.text, blocks: [...message.blocks] });
  }
  return out;
}

export function renderReplies(replies: Reply[], options: RenderOptions): SlackMessage[] {
  const messages = packed(replies.flatMap((reply) => renderReply(reply, options)));
  const last = messages.at(-1);
  if (options.shareKey && last) {
    const shareBlock: KnownBlock = { type: 'actions', elements: [button('Post to channel', SHARE_ACTION, { value: encodeShareValue(options.shareKey) })] };
    if (last.blocks.length < SLACK_LIMITS.blocksPerMessage) last.blocks.push(shareBlock);
    else messages.push({ text: last.text, blocks: [shareBlock] });
  }
  return messages;
}

/** A short message from the door itself (apology, expiry, confirmation). */
export function renderNotice(text: string): SlackMessage {
  const safe = escapeSlackText(text);
  return { text: safe, blocks: [section(safe)] };
}
