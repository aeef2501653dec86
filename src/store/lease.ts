import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { releaseOwnedKey, renewOwnedKey, takeOwnedKey } from './redis-owned-key.ts';


export type LeaseOptions = {
  redis: Redis;
  /** Full Redis key; its value names the holder (hostname:pid) for operators. */
  key: string;
  holder?: string;
  ttlMs?: number;
  /** How often the holder renews and the others try to take over. */
  checkEveryMs?: number;
  logger: Logger;
  onAcquired(): Promise<void>;
  onLost(): Promise<void>;
};

export type Lease = { readonly held: boolean; stop(): Promise<void> };

/**
 * "Exactly one of the replicas does this" (the Discord gateway: one connection per bot token).
 * Whoever sets the key first holds it and renews it; the others retry, and take over within
 * ttlMs when the holder dies. While Redis is unreachable nobody can take the key, so the holder
 * keeps going; it lets go only when Redis says the key is no longer its own.
 */
export function holdLease(options: LeaseOptions): Lease {
  const ttlMs = options.ttlMs ?? 15_000;
  const every = options.checkEveryMs ?? 5_000;
  const token = `${options.holder ?? `${process.pid}`}:${randomUUID()}`;
  let held = false;
  let busy = false;
  let stopped = false;

  const check = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      if (held) {
        if (!(await renewOwnedKey(options.redis, options.key, token, ttlMs))) {
          held = false;
          options.logger.warn({ lease: options.key }, 'lost the lease; stopping what it guards');
          await options.onLost();
        }
      } else if (await takeOwnedKey(options.redis, options.key, token, ttlMs)) {
        held = true;
        options.logger.info({ lease: options.key }, 'took the lease');
        try {
          await options.onAcquired();
        } catch (error) {
          // Holding the lease without doing the work would block every other replica from trying.
          options.logger.error({ lease: options.key, err: error }, 'could not start what the lease guards; letting another replica try');
          held = false;
          await releaseOwnedKey(options.redis, options.key, token);
        }
      }
    } catch (error) {
      options.logger.debug({ lease: options.key, err: (error as Error).message }, 'lease check failed; keeping the current state');
    } finally {
      busy = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), every);
  timer.unref();

  return {
    get held() {
      return held;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (!held) return;
      held = false;
      await releaseOwnedKey(options.redis, options.key, token).catch(() => undefined);
      await options.onLost();
    },
  };
}
