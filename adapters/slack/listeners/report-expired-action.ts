import type { Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { EXPIRED } from '../engine-call.ts';

/** A button from an older release or unknown to this one: say so instead of leaving the click hanging. */
export const reportExpiredAction: Middleware<SlackActionMiddlewareArgs> = async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', replace_original: false, text: EXPIRED });
};
