import type { Config } from '../../src/config.ts';
import type { Reply, SupportEngine } from '../../src/conversation/seam.ts';
import type { Logger } from '../../src/log.ts';
import { BoundedMemory } from './bounded-memory.ts';
import { isDirectChannel } from './conversation-id.ts';
import { InFlightWork } from '../shared/in-flight-work.ts';
import { SlackMetrics } from './metrics.ts';

/** Everything a listener needs, passed explicitly so two doors (or two tests) never share state. */
export type SlackDoor = {
  engine: SupportEngine;
  config: Config;
  logger: Logger;
  metrics: SlackMetrics;
  /** event_ids already handled: Slack redelivers on timeouts and we answer once. */
  seenEvents: BoundedMemory<true>;
  /** Slash-command answers a "Post to channel" click may still re-post. */
  sharedAnswers: BoundedMemory<Reply[]>;
  inFlight: InFlightWork;
};

export function createSlackDoor(options: { engine: SupportEngine; config: Config; logger: Logger }): SlackDoor {
  return {
    ...options,
    logger: options.logger.child({ door: 'slack' }),
    metrics: new SlackMetrics(),
    // Slack retries for up to about an hour; an hour of ids at a few per second stays small.
    seenEvents: new BoundedMemory<true>(10_000, 60 * 60 * 1000),
    sharedAnswers: new BoundedMemory<Reply[]>(1_000, 60 * 60 * 1000),
    inFlight: new InFlightWork(),
  };
}

/** DMs are always allowed; channels only when SLACK_ALLOWED_CHANNELS is empty or lists them. */
export function isChannelAllowed(door: SlackDoor, channel: string): boolean {
  const allowed = door.config.SLACK_ALLOWED_CHANNELS;
  return isDirectChannel(channel) || allowed.length === 0 || allowed.includes(channel);
}
