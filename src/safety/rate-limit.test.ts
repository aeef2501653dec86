import { describe, expect, it } from 'vitest';
import { hasRedisServer, uniquePrefix } from '../../tests/support/redis-server.ts';
import { useRedisServer } from '../../tests/support/use-redis-server.ts';
import type { ConversationRef } from '../conversation/seam.ts';
import { LocalMemo, RedisMemo } from '../store/shared-memo.ts';
import { createLogger } from '../log.ts';
import { TurnRateLimiter, type RateLimitDecision } from './rate-limit.ts';
import { shippedWording } from '../../tests/support/shipped-wording.ts';

const alice: ConversationRef = { platform: 'slack', id: 'C1:1.1', user: 'UALICE', place: 'C1' };

async function decisions(limiter: TurnRateLimiter, turns: ConversationRef[]): Promise<RateLimitDecision[]> {
  const out: RateLimitDecision[] = [];
  for (const turn of turns) out.push(await limiter.check(turn));
  return out;
}

const summary = (all: RateLimitDecision[]) => ({
  allowed: all.filter((d) => d.allowed).length,
  notices: all.filter((d) => !d.allowed && d.notice).length,
  silent: all.filter((d) => !d.allowed && !d.notice).length,
});

describe('TurnRateLimiter (memory)', () => {
  it('refuses past the per-user limit with one notice, then silence for the rest of the window', async () => {
    const limiter = new TurnRateLimiter({ perUser: 3, perPlace: 100, windowMs: 60_000 }, { kind: 'memory' }, new LocalMemo(), () => shippedWording);
    const all = await decisions(limiter, Array.from({ length: 20 }, () => alice));
    expect(summary(all)).toEqual({ allowed: 3, notices: 1, silent: 16 });
    const notice = all.find((d) => !d.allowed && d.notice);
    expect(notice && !notice.allowed && notice.notice).toMatch(/faster than I can help\. Please wait \d+ s/);
  });

  it('answers "would this be refused?" without spending anything', async () => {
    const limiter = new TurnRateLimiter({ perUser: 2, perPlace: 100, windowMs: 60_000 }, { kind: 'memory' }, new LocalMemo(), () => shippedWording);
    for (let i = 0; i < 10; i++) expect(await limiter.wouldRefuse(alice)).toBe(false);
    expect(summary(await decisions(limiter, [alice, alice]))).toEqual({ allowed: 2, notices: 0, silent: 0 });
    expect(await limiter.wouldRefuse(alice)).toBe(true);
    expect(await limiter.wouldRefuse({ ...alice, user: 'UBOB', place: 'C2' })).toBe(false);
  });

  it('limits a channel whoever writes, and keeps other users and channels apart', async () => {
    const limiter = new TurnRateLimiter({ perUser: 100, perPlace: 4, windowMs: 60_000 }, { kind: 'memory' }, new LocalMemo(), () => shippedWording);
    const crowd = Array.from({ length: 10 }, (_, i) => ({ ...alice, user: `U${i}` }));
    expect(summary(await decisions(limiter, crowd))).toEqual({ allowed: 4, notices: 1, silent: 5 });
    const refused = await limiter.check({ ...alice, user: 'ULATE' });
    expect(refused.allowed).toBe(false);
    expect(await limiter.check({ ...alice, user: 'ULATE', place: 'C2' })).toEqual({ allowed: true });
    // A DM has no place: only the user's own limit applies.
    expect(await limiter.check({ platform: 'slack', id: 'D1', user: 'ULATE' })).toEqual({ allowed: true });
  });

  it('gives the next limited window its own notice', async () => {
    const limiter = new TurnRateLimiter({ perUser: 1, perPlace: 100, windowMs: 1_000 }, { kind: 'memory' }, new LocalMemo(), () => shippedWording);
    expect(summary(await decisions(limiter, [alice, alice, alice]))).toEqual({ allowed: 1, notices: 1, silent: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(summary(await decisions(limiter, [alice, alice, alice]))).toEqual({ allowed: 1, notices: 1, silent: 1 });
  });
});

describe.runIf(hasRedisServer)('TurnRateLimiter (redis, two processes)', () => {
  const redis = useRedisServer();

  async function limiterOnOwnConnection(prefix: string): Promise<TurnRateLimiter> {
    const client = await redis.connect();
    return new TurnRateLimiter({ perUser: 5, perPlace: 100, windowMs: 60_000 }, { kind: 'redis', client, keyPrefix: prefix }, new RedisMemo(client, createLogger('silent'), prefix), () => shippedWording);
  }

  it('holds one per-user limit, and one notice, across both', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [await limiterOnOwnConnection(prefix), await limiterOnOwnConnection(prefix)];
    const all: RateLimitDecision[] = [];
    for (let i = 0; i < 12; i += 1) all.push(await (i % 2 === 0 ? a : b).check(alice));
    expect(summary(all)).toEqual({ allowed: 5, notices: 1, silent: 6 });
  });
});
