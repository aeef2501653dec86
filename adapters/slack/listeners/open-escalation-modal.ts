import type { MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { requestHandoff } from '../../shared/engine-call.ts';
import { APOLOGY, engineCaller } from '../engine-call.ts';
import { conversationIdFor, isDirectChannel } from '../conversation-id.ts';
import type { SlackDoorContext } from '../door.ts';
import { escalationModal } from '../escalation-modal.ts';
import { renderReply } from '../render.ts';
import { plainTextFromSlack } from '../slack-text.ts';

/** Message shortcut "Escalate to support": a modal with the engine's case summary, editable before it is sent. */
export function openEscalationModal(door: SlackDoorContext): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ shortcut, ack, client, respond }) => {
    await ack();
    const channel = shortcut.channel.id;
    const threadTs = (shortcut.message['thread_ts'] as string | undefined) ?? shortcut.message.ts;
    const handoff = await requestHandoff(engineCaller(door), {
      platform: 'slack',
      user: shortcut.message.user ?? shortcut.user.id,
      requestedBy: shortcut.user.id,
      messageText: plainTextFromSlack(shortcut.message.text ?? ''),
      conversationId: conversationIdFor({ channel, threadTs, isDirect: isDirectChannel(channel) }),
    });
    if (!handoff) {
      await respond({ response_type: 'ephemeral', text: APOLOGY });
      return;
    }
    if (!door.config.SLACK_ESCALATION_CHANNEL) {
      // Nowhere to send it in Slack: hand the user the case link and summary instead of a modal that cannot deliver.
      const [message] = renderReply({ text: 'Open a case with this summary:', escalation: handoff.escalation }, { conversationId: channel, interactive: false });
      if (message) await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      return;
    }
    // trigger_id is only valid for 3 s after the click, which is why the hand-off must be quick.
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: escalationModal(handoff, { channel, threadTs, caseUrl: handoff.escalation.url }),
    });
  };
}
