import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeShareValue } from '../action-ids.ts';
import { EXPIRED } from '../engine-call.ts';
import { postMessages } from '../post-messages.ts';
import { recallSharedAnswer, type SlackDoorContext } from '../door.ts';
import { renderReplies } from '../render.ts';

/** "Post to channel" under a /cfhelp answer: the same answer, publicly, without buttons that would act for the asker. */
export function postAnswerToChannel(door: SlackDoorContext): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ body, action, ack, respond }) => {
    await ack();
    const key = decodeShareValue(action.value);
    const replies = key ? await recallSharedAnswer(door, key) : undefined;
    if (!replies || !body.channel) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: EXPIRED });
      return;
    }
    const channel = body.channel.id;
    try {
      await postMessages(door, { channel }, renderReplies(replies, { conversationId: channel, interactive: false }));
    } catch (error) {
      door.logger.warn({ err: error, channel }, 'could not re-post a /cfhelp answer');
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'I could not post in this channel. Invite me with `/invite` and try again.' });
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: true, text: 'Posted to the channel.' });
  };
}
