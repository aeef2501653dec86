import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs, types } from '@slack/bolt';
import { decodeChoiceValue } from '../action-ids.ts';
import { APOLOGY, EXPIRED, runSlackTurn } from '../engine-call.ts';
import { markChoiceMade } from '../choice-receipt.ts';
import { isDirectChannel } from '../conversation-id.ts';
import { postMessages } from '../post-messages.ts';
import type { SlackDoorContext } from '../door.ts';
import { renderNotice, renderReplies } from '../render.ts';

/**
 * A click on a tree choice or a feedback button: the clicked step is marked
 * as answered in place (chat.update) and the engine's next step continues in
 * the thread. Ephemeral steps (from /cfhelp) can only be replaced, so the next
 * step replaces them.
 */
export function continueWithChoice(door: SlackDoorContext): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ body, action, ack, client, respond }) => {
    await ack();
    const choice = decodeChoiceValue(action.value);
    if (!choice) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: EXPIRED });
      return;
    }
    const outcome = await runSlackTurn(door, {
      conversation: { platform: 'slack', id: choice.conversationId, user: body.user.id, ...(body.channel && !isDirectChannel(body.channel.id) ? { place: body.channel.id } : {}) },
      input: { kind: 'choice', choiceId: choice.choiceId },
    });
    // The engine no longer has that step: tell only the clicker, and leave the old message as it was.
    if (outcome.kind === 'expired') {
      await respond({ response_type: 'ephemeral', replace_original: false, text: EXPIRED });
      return;
    }
    const messages = outcome.kind === 'replies' ? renderReplies(outcome.replies, { conversationId: choice.conversationId }) : [renderNotice(APOLOGY)];

    const isEphemeral = body.container['is_ephemeral'] === true;
    if (isEphemeral || !body.message || !body.channel) {
      for (const [index, message] of messages.entries()) {
        await respond({ response_type: 'ephemeral', replace_original: index === 0, text: message.text, blocks: message.blocks });
      }
      return;
    }
    const channel = body.channel.id;
    const clicked = body.message;
    const clickedBlocks: types.KnownBlock[] = Array.isArray(clicked['blocks']) ? clicked['blocks'] : [];
    await client.chat.update({
      channel,
      ts: clicked.ts,
      text: clicked.text ?? '',
      blocks: markChoiceMade(clickedBlocks, action.text.text),
      link_names: false,
    });
    const threadTs = isDirectChannel(channel) ? undefined : (clicked['thread_ts'] as string | undefined) ?? clicked.ts;
    await postMessages(door, { channel, threadTs }, messages);
  };
}
