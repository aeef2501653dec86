import type { Turn } from '../../src/conversation/seam.ts';
import { APOLOGY, runSlackTurn } from './engine-call.ts';
import type { SlackDoorContext } from './door.ts';
import { renderNotice, renderReplies, type SlackMessage } from './render.ts';

export type Destination = { channel: string; threadTs?: string };

/** Posts in order; link_names off and unfurls off so an answer never pings anyone or sprouts previews. */
export async function postMessages(door: SlackDoorContext, to: Destination, messages: SlackMessage[]): Promise<void> {
  for (const message of messages) {
    await door.postMessage({
      channel: to.channel,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      link_names: false,
      unfurl_links: false,
      unfurl_media: false,
    });
    door.metrics.repliesSent += 1;
  }
}

export const BUSY = 'I am answering a lot of questions right now and could not take yours. Please ask again in a minute.';
/** Rendered once: shedding must cost as little as possible, it happens when there is no time to spare. */
const BUSY_MESSAGE = renderNotice(BUSY);

/**
 * One turn end to end, queued after the ack: ask the engine, render, post where the conversation
 * lives (or apologise there). When the queue is full the asker is told so at once: shed, never dropped.
 */
export async function answerInConversation(door: SlackDoorContext, turn: Turn, to: Destination): Promise<void> {
  const queued = door.answers.offer(async () => {
    const outcome = await runSlackTurn(door, turn);
    const messages = outcome.kind === 'replies' ? renderReplies(outcome.replies, { conversationId: turn.conversation.id }) : [renderNotice(APOLOGY)];
    await postMessages(door, to, messages);
  });
  if (queued) return queued;
  door.metrics.shed += 1;
  door.logger.debug({ waiting: door.answers.waiting }, 'answer queue full: shedding a turn with a busy reply');
  await postMessages(door, to, [BUSY_MESSAGE]);
}
