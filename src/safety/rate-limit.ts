import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { ConversationRef } from '../conversation/seam.ts';
import { say, type Wording } from '../knowledge/wording.ts';
import type { SharedMemo } from '../store/shared-memo.ts';

export const rateLimitOptionsSchema = z.object({
  /** Turns one person may take per window, on one platform. */
  perUser: z.number().int().positive().default(30),
  /** Turns one channel (ConversationRef.place) may take per window, whoever sends them. */
  perPlace: z.number().int().positive().default(120),
  windowMs: z.number().int().positive().default(60_000),
});
export type RateLimitOptions = z.input<typeof rateLimitOptionsSchema>;

/** allowed, or refused with at most one notice per limited window: after it, silence until the window ends. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number; notice?: string };

export type RateLimitBackend = { kind: 'memory' } | { kind: 'redis'; client: Redis; keyPrefix?: string };

type Bucket = { name: 'user' | 'place'; limiter: RateLimiterAbstract };

/**
 * Fixed-window limits per user and per channel, held in Redis when the bot runs as several
 * processes (so a limit holds across all of them), in memory otherwise. If Redis is away, each
 * process falls back to its own memory limits (rate-limiter-flexible's insurance limiter)
 * rather than letting everything through or refusing everyone.
 *
 * The point of "quiet": a flood of 100 messages must cost at most one notice, never one per
 * refused message, or the bot itself becomes the flood.
 */
export class TurnRateLimiter {
  readonly #buckets: Bucket[];

  constructor(
    options: RateLimitOptions,
    backend: RateLimitBackend,
    private readonly memo: SharedMemo,
    /** The wording in force now (knowledge reloads swap it), for the notice. */
    private readonly wording: () => Wording,
  ) {
    const { perUser, perPlace, windowMs } = rateLimitOptionsSchema.parse(options);
    const make = (name: Bucket['name'], points: number): RateLimiterAbstract => {
      const base = { points, duration: windowMs / 1000, keyPrefix: `rl-${name}` };
      if (backend.kind === 'memory') return new RateLimiterMemory(base);
      return new RateLimiterRedis({
        ...base,
        keyPrefix: `${backend.keyPrefix ?? 'cfbot:'}rl-${name}`,
        storeClient: backend.client,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(base),
      });
    };
    this.#buckets = [
      { name: 'user', limiter: make('user', perUser) },
      { name: 'place', limiter: make('place', perPlace) },
    ];
  }

  /**
   * True when a turn from this person or place would be refused right now. Spends nothing: a
   * door asks before it opens something visible (a Discord thread) for a reply that may not come.
   */
  async wouldRefuse(conversation: ConversationRef): Promise<boolean> {
    const keys = bucketKeys(conversation);
    for (const bucket of this.#buckets) {
      const key = keys[bucket.name];
      if (key === undefined) continue;
      const used = await bucket.limiter.get(key).catch(() => null);
      if (used && used.remainingPoints <= 0) return true;
    }
    return false;
  }

  async check(conversation: ConversationRef): Promise<RateLimitDecision> {
    const keys = bucketKeys(conversation);
    for (const bucket of this.#buckets) {
      const key = keys[bucket.name];
      if (key === undefined) continue;
      try {
        await bucket.limiter.consume(key);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const retryAfterMs = Math.max(1, refusal.msBeforeNext);
        // The notice marker lives exactly as long as the window, so the next limited window gets its own notice.
        const first = await this.memo.claimOnce(`rl-notice:${bucket.name}:${key}`, retryAfterMs);
        if (!first) return { allowed: false, retryAfterMs };
        return { allowed: false, retryAfterMs, notice: this.notice(bucket.name, Math.ceil(retryAfterMs / 1000)) };
      }
    }
    return { allowed: true };
  }

  private notice(bucket: Bucket['name'], seconds: number): string {
    const wording = this.wording();
    return bucket === 'user' ? say(wording, 'rateLimitUser', { seconds }) : say(wording, 'rateLimitPlace', { seconds });
  }
}

function bucketKeys(conversation: ConversationRef): Record<Bucket['name'], string | undefined> {
  return {
    user: `${conversation.platform}:${conversation.user}`,
    place: conversation.place === undefined ? undefined : `${conversation.platform}:${conversation.place}`,
  };
}
