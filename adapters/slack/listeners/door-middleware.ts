import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { isFirstDelivery, type SlackDoorContext } from '../door.ts';

/** Keeps every request's follow-up work visible to stop() (and to tests waiting for quiet). */
export function trackInFlight(door: SlackDoorContext): Middleware<AnyMiddlewareArgs> {
  return async ({ next }) => {
    await door.inFlight.track(next());
  };
}

/**
 * Slack redelivers an event (X-Slack-Retry-Num) when our ack is slow or lost,
 * always with the same event_id: the first delivery is answered, the rest are dropped, whichever
 * process (REDIS_URL) each delivery reaches.
 */
export function skipDuplicateEvents(door: SlackDoorContext): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId !== undefined) {
      door.metrics.eventsReceived += 1;
      if (!(await isFirstDelivery(door, eventId))) {
        door.metrics.duplicatesSkipped += 1;
        door.logger.debug({ eventId, retryNum: context.retryNum }, 'duplicate event delivery skipped');
        return;
      }
    }
    await next();
  };
}
