import type { Logger } from '../log.ts';
import type { ConversationStore } from '../store/conversation-store.ts';

/** Idle conversations restart after the TTL, but moderators may hand one off days later: keep them a week. */
export const RETENTION_MS = 7 * 24 * 60 * 60_000;
/** How often a turn may trigger the purge (it runs in the background, never delaying the turn). */
export const PURGE_EVERY_MS = 60 * 60_000;

/** The retention purge, run at most once an hour from whichever turn comes along. */
export class RetentionPurge {
  #lastRun = 0;

  constructor(
    private readonly store: ConversationStore,
    private readonly logger: Logger,
    private readonly clock: () => Date,
  ) {}

  runIfDue(): void {
    const now = this.clock().getTime();
    if (now - this.#lastRun < PURGE_EVERY_MS) return;
    this.#lastRun = now;
    this.store.purgeExpired(new Date(now - RETENTION_MS)).catch((error: unknown) => this.logger.warn({ err: error }, 'purging old conversations failed'));
  }
}
