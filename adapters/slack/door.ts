import type { Config } from '../../src/config.ts';
import { replySchema, type Reply, type SupportEngine } from '../../src/conversation/seam.ts';
import type { Logger } from '../../src/log.ts';
import { LocalMemo, type SharedMemo } from '../../src/store/shared-memo.ts';
import { isDirectChannel } from './conversation-id.ts';
import type { DoorContext } from '../shared/door-context.ts';
import { InFlightWork } from '../shared/in-flight-work.ts';
import { SlackMetrics } from './metrics.ts';
import { WorkQueue } from './work-queue.ts';
import type { ChatMessage } from './chat-poster.ts';

/** Slack retries for up to about an hour; an event id is remembered that long. */
const EVENT_MEMORY_MS = 60 * 60 * 1000;
/** How long a /cfhelp answer can still be posted to the channel. */
const SHARE_MEMORY_MS = 60 * 60 * 1000;
/**
 * Turns running at once (few: each one's CPU slices sit in the event loop ahead of the next ack),
 * and turns waiting beyond that before new ones are shed with a "busy" reply (a fraction of a
 * second of work at a few ms per turn).
 */
export const DEFAULT_ANSWER_QUEUE: AnswerQueueSize = { concurrency: 8, backlog: 64, busySampleMs: 100 };
/**
 * With the turns on the engine thread (adapters/engine-thread/) the loop's own work per event is
 * small, and most of its busy 100 ms windows on a loaded machine are the OS running other threads
 * while the loop had work in hand: measured in bench:slack at 500/s, admission on 100 ms windows
 * shed 0-70 of 2000 events, on 250 ms windows none, with the ack p99 at 14-16 ms. On the loop
 * itself a busy window is the turns, and admission must react within 100 ms or acks wait.
 */
export const THREADED_ANSWER_QUEUE: AnswerQueueSize = { ...DEFAULT_ANSWER_QUEUE, busySampleMs: 250 };
export type AnswerQueueSize = { concurrency: number; backlog: number; /** The window the loop's busy share is measured over; default 100 ms. */ busySampleMs?: number };

/**
 * Everything a Slack listener needs: the shared door context (engine, config, logger, memo:
 * event ids and the share cache) and Slack's own pieces, passed explicitly so two doors
 * (or two tests) never share state.
 */
export type SlackDoorContext = DoorContext & {
  metrics: SlackMetrics;
  /** Answers wait here after the ack; a full queue sheds visibly. */
  answers: WorkQueue;
  inFlight: InFlightWork;
  /** chat.postMessage for every answer and notice (adapters/slack/chat-poster.ts). */
  postMessage: (message: ChatMessage) => Promise<void>;
};

export function createSlackDoor(options: { engine: SupportEngine; config: Config; logger: Logger; postMessage: SlackDoorContext['postMessage']; memo?: SharedMemo; answerQueue?: AnswerQueueSize }): SlackDoorContext {
  const queue = options.answerQueue ?? DEFAULT_ANSWER_QUEUE;
  return {
    engine: options.engine,
    config: options.config,
    logger: options.logger.child({ door: 'slack' }),
    metrics: new SlackMetrics(),
    memo: options.memo ?? new LocalMemo(),
    answers: new WorkQueue(queue.concurrency, queue.backlog, queue.busySampleMs),
    inFlight: new InFlightWork(),
    postMessage: options.postMessage,
  };
}

/** True the first time any process of this bot sees the event id (Slack redelivers with the same id). */
export function isFirstDelivery(door: SlackDoorContext, eventId: string): Promise<boolean> {
  return door.memo.claimOnce(`slack:event:${eventId}`, EVENT_MEMORY_MS);
}

export async function rememberSharedAnswer(door: SlackDoorContext, key: string, replies: Reply[]): Promise<void> {
  await door.memo.remember(`slack:share:${key}`, JSON.stringify(replies), SHARE_MEMORY_MS);
}

/** The answer behind a "Post to channel" button, from whichever process rendered it; undefined once forgotten. */
export async function recallSharedAnswer(door: SlackDoorContext, key: string): Promise<Reply[] | undefined> {
  const raw = await door.memo.recall(`slack:share:${key}`);
  if (raw === undefined) return undefined;
  const parsed = replySchema.array().safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
}

/** DMs are always allowed; channels only when SLACK_ALLOWED_CHANNELS is empty or lists them. */
export function isChannelAllowed(door: SlackDoorContext, channel: string): boolean {
  const allowed = door.config.SLACK_ALLOWED_CHANNELS;
  return isDirectChannel(channel) || allowed.length === 0 || allowed.includes(channel);
}
