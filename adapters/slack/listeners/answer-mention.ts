import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { conversationIdFor, isDirectChannel } from '../conversation-id.ts';
import { answerInConversation } from '../post-messages.ts';
import { isChannelAllowed, type SlackDoorContext } from '../door.ts';
import { plainTextFromSlack } from '../slack-text.ts';

/** "@bot my site shows 1020" in a channel: answer in that message's thread. */
export function answerMention(door: SlackDoorContext): Middleware<SlackEventMiddlewareArgs<'app_mention'>> {
  return async ({ event, context }) => {
    // A mention inside a DM is also a message.im event, answered by the DM listener.
    if (!event.user || event.bot_id || isDirectChannel(event.channel)) return;
    if (!isChannelAllowed(door, event.channel)) {
      door.logger.debug({ channel: event.channel }, 'mention in a channel outside SLACK_ALLOWED_CHANNELS ignored');
      return;
    }
    const threadTs = event.thread_ts ?? event.ts;
    await answerInConversation(
      door,
      {
        conversation: { platform: 'slack', id: conversationIdFor({ channel: event.channel, threadTs, isDirect: false }), user: event.user, place: event.channel },
        input: { kind: 'text', text: plainTextFromSlack(event.text, context.botUserId) },
      },
      { channel: event.channel, threadTs },
    );
  };
}
