import { randomUUID } from 'node:crypto';
import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { APOLOGY, runSlackTurn } from '../engine-call.ts';
import { isDirectChannel, slashConversationId } from '../conversation-id.ts';
import { isChannelAllowed, rememberSharedAnswer, type SlackDoorContext } from '../door.ts';
import { renderReplies } from '../render.ts';
import { plainTextFromSlack } from '../slack-text.ts';

export const HELP_COMMAND = '/cfhelp';
const USAGE = 'Ask me about a Cloudflare problem, for example `/cfhelp error 1020 on my login page`.';

/** `/cfhelp <question>`: an answer only the asker sees, with a button to share it with the channel. */
export function answerHelpCommand(door: SlackDoorContext): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond }) => {
    // Slack shows an error if a command is not acked within 3 s; the answer follows via response_url.
    await ack();
    if (!isChannelAllowed(door, command.channel_id)) {
      await respond({ response_type: 'ephemeral', text: 'I am not enabled in this channel. Send me a direct message instead.' });
      return;
    }
    const question = plainTextFromSlack(command.text);
    if (!question) {
      await respond({ response_type: 'ephemeral', text: USAGE });
      return;
    }
    const conversationId = slashConversationId(command.channel_id, command.user_id);
    const outcome = await runSlackTurn(door, {
      conversation: { platform: 'slack', id: conversationId, user: command.user_id, ...(isDirectChannel(command.channel_id) ? {} : { place: command.channel_id }) },
      input: { kind: 'text', text: question },
    });
    if (outcome.kind !== 'replies') {
      await respond({ response_type: 'ephemeral', text: APOLOGY });
      return;
    }
    const replies = outcome.replies;
    const shareKey = randomUUID();
    await rememberSharedAnswer(door, shareKey, replies);
    for (const message of renderReplies(replies, { conversationId, shareKey })) {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      door.metrics.repliesSent += 1;
    }
  };
}
