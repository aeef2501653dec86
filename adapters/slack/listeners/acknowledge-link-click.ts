import type { Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';

/** Link buttons still send an action; Slack shows a warning unless it is acked. */
export const acknowledgeLinkClick: Middleware<SlackActionMiddlewareArgs> = async ({ ack }) => {
  await ack();
};
