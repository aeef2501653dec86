import { describe, expect, it } from 'vitest';
import { TokenBucketRateLimiter } from './rate-limit.ts';

/** A clock the test advances by hand. */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}

describe('TokenBucketRateLimiter', () => {
  it('allows 10 turns a minute by default, then says how long to wait', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ now: clock.now });
    for (let i = 0; i < 10; i += 1) expect(limiter.take('discord:u1')).toEqual({ allowed: true, retryAfterMs: 0 });
    // One token comes back every 60s / 10 = 6s.
    expect(limiter.take('discord:u1')).toEqual({ allowed: false, retryAfterMs: 6000 });
    clock.advance(2000);
    expect(limiter.take('discord:u1')).toEqual({ allowed: false, retryAfterMs: 4000 });
  });

  it('gives a turn back as soon as the retry time has passed', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ limit: 2, windowMs: 10_000, now: clock.now });
    limiter.take('u');
    limiter.take('u');
    const denied = limiter.take('u');
    expect(denied).toEqual({ allowed: false, retryAfterMs: 5000 });
    clock.advance(denied.retryAfterMs);
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u').allowed).toBe(false);
  });

  it('does not charge for refused turns', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ limit: 1, windowMs: 1000, now: clock.now });
    limiter.take('u');
    for (let i = 0; i < 5; i += 1) limiter.take('u');
    clock.advance(1000);
    expect(limiter.take('u').allowed).toBe(true);
  });

  it('refills no further than the limit after a long quiet spell', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ limit: 3, windowMs: 1000, now: clock.now });
    limiter.take('u');
    clock.advance(60 * 60_000);
    const results = Array.from({ length: 4 }, () => limiter.take('u').allowed);
    expect(results).toEqual([true, true, true, false]);
  });

  it('limits each key on its own', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ limit: 1, windowMs: 60_000, now: clock.now });
    expect(limiter.take('discord:alice').allowed).toBe(true);
    expect(limiter.take('discord:alice').allowed).toBe(false);
    expect(limiter.take('discord:bob').allowed).toBe(true);
  });

  it('survives a clock that steps backwards', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ limit: 1, windowMs: 1000, now: clock.now });
    limiter.take('u');
    clock.advance(-5000);
    expect(limiter.take('u')).toEqual({ allowed: false, retryAfterMs: 1000 });
  });

  it('forgets keys that have been idle for a whole window', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ limit: 5, windowMs: 60_000, now: clock.now });
    for (let i = 0; i < 100; i += 1) limiter.take(`user-${i}`);
    expect(limiter.trackedKeys).toBe(100);
    clock.advance(60_000);
    limiter.take('late-user');
    expect(limiter.trackedKeys).toBe(1);
  });

  it('never tracks more than maxKeys, dropping the least recently used', () => {
    const clock = manualClock();
    const limiter = new TokenBucketRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 3, now: clock.now });
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    limiter.take('a'); // refused, but marks a as recently used
    limiter.take('d');
    expect(limiter.trackedKeys).toBe(3);
    expect(limiter.take('a').allowed).toBe(false); // still remembered
    expect(limiter.take('b').allowed).toBe(true); // forgotten, so it starts fresh
  });

  it('rejects nonsensical settings with a message naming the setting', () => {
    expect(() => new TokenBucketRateLimiter({ limit: 0 })).toThrow(/limit/);
    expect(() => new TokenBucketRateLimiter({ windowMs: -1 })).toThrow(/windowMs/);
  });
});
