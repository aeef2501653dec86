import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDoorContext } from '../door.ts';
import { homeView } from '../home-view.ts';

/** Opening the app's Home tab shows what the bot does and how to reach it. */
export function publishHomeTab(_door: SlackDoorContext): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView() });
  };
}
