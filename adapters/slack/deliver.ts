import type { webApi } from '@slack/bolt';
import type { Turn } from '../../src/conversation/seam.ts';
import { APOLOGY, askEngine } from './ask-engine.ts';
import type { SlackDoor } from './door.ts';
import { renderNotice, renderReplies, type SlackMessage } from './render.ts';

export type Destination = { channel: string; threadTs?: string };

/** Posts in order; link_names off and unfurls off so an answer never pings anyone or sprouts previews. */
export async function postMessages(door: SlackDoor, client: webApi.WebClient, to: Destination, messages: SlackMessage[]): Promise<void> {
  for (const message of messages) {
    await client.chat.postMessage({
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

/** One turn end to end: ask the engine, render, post where the conversation lives (or apologise there). */
export async function answerInConversation(door: SlackDoor, client: webApi.WebClient, turn: Turn, to: Destination): Promise<void> {
  const replies = await askEngine(door, turn);
  const messages = replies ? renderReplies(replies, { conversationId: turn.conversation.id }) : [renderNotice(APOLOGY)];
  await postMessages(door, client, to, messages);
}
