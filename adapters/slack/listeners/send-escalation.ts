import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { postMessages } from '../post-messages.ts';
import type { SlackDoorContext } from '../door.ts';
import { escalationPost, readEscalationSubmission } from '../escalation-modal.ts';

const CONFIRMATION = 'Sent to the support team with your summary. They will follow up here.';

/** The submitted modal: the (edited) summary goes to SLACK_ESCALATION_CHANNEL and the requester gets a confirmation. */
export function sendEscalation(door: SlackDoorContext): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ view, body, ack, client }) => {
    await ack();
    const submission = readEscalationSubmission(view);
    const supportChannel = door.config.SLACK_ESCALATION_CHANNEL;
    if (!submission || !supportChannel) {
      door.logger.warn({ hasSubmission: Boolean(submission) }, 'escalation submitted without a summary or an escalation channel');
      return;
    }
    await postMessages(door, { channel: supportChannel }, [escalationPost(submission, body.user.id)]);
    const { channel, threadTs } = submission.origin;
    try {
      await client.chat.postEphemeral({ channel, user: body.user.id, text: CONFIRMATION, ...(threadTs ? { thread_ts: threadTs } : {}) });
    } catch (error) {
      // Not a member of that channel: a DM still reaches the requester.
      door.logger.debug({ err: error, channel }, 'ephemeral confirmation failed; confirming by DM');
      await client.chat.postMessage({ channel: body.user.id, text: CONFIRMATION, link_names: false });
    }
  };
}
