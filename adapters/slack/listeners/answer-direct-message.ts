import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { conversationIdFor } from '../conversation-id.ts';
import { answerInConversation } from '../post-messages.ts';
import type { SlackDoorContext } from '../door.ts';
import { plainTextFromSlack } from '../slack-text.ts';

/** A direct message is a question; the DM is one running conversation, answered flat (no threads). */
export function answerDirectMessage(door: SlackDoorContext): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ message, context }) => {
    // Edits, joins, bot posts and channel chatter arrive here too; only a person's new DM is a question.
    if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id || !message.text) return;
    await answerInConversation(
      door,
      {
        conversation: { platform: 'slack', id: conversationIdFor({ channel: message.channel, isDirect: true }), user: message.user },
        input: { kind: 'text', text: plainTextFromSlack(message.text, context.botUserId) },
      },
      { channel: message.channel },
    );
  };
}
