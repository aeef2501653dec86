import { describe, expect, it } from 'vitest';
import { hasRedisServer, uniquePrefix } from '../../tests/support/redis-server.ts';
import { useRedisServer } from '../../tests/support/use-redis-server.ts';
import { createLogger } from '../log.ts';
import { LocalMemo, RedisMemo } from './shared-memo.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LocalMemo', () => {
  it('lets one claim through per key until its own TTL ends', async () => {
    const memo = new LocalMemo();
    expect(await memo.claimOnce('a', 30)).toBe(true);
    expect(await memo.claimOnce('a', 30)).toBe(false);
    expect(await memo.claimOnce('b', 60_000)).toBe(true);
    await sleep(40);
    expect(await memo.claimOnce('a', 30)).toBe(true);
    expect(await memo.claimOnce('b', 60_000)).toBe(false);
  });

  it('recalls what it remembered, and forgets it after the TTL', async () => {
    const memo = new LocalMemo();
    await memo.remember('answer', '[1]', 30);
    expect(await memo.recall('answer')).toBe('[1]');
    await sleep(40);
    expect(await memo.recall('answer')).toBeUndefined();
  });
});

describe.runIf(hasRedisServer)('RedisMemo', () => {
  const redis = useRedisServer();
  const logger = createLogger('silent');
  const memo = async (prefix: string) => new RedisMemo(await redis.connect(), logger, prefix);

  it('gives one claim to one of two processes, and shares what one remembered', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [await memo(prefix), await memo(prefix)];
    expect([await a.claimOnce('slack:event:Ev1', 60_000), await b.claimOnce('slack:event:Ev1', 60_000)]).toEqual([true, false]);
    await a.remember('slack:share:k', '["x"]', 60_000);
    expect(await b.recall('slack:share:k')).toBe('["x"]');
  });

  it('falls back to its own memory while Redis is gone, without throwing', async () => {
    const a = await memo(uniquePrefix());
    await a.remember('kept', 'v', 60_000);
    await redis.server().kill();
    try {
      expect(await a.claimOnce('during-outage', 60_000)).toBe(true);
      expect(await a.claimOnce('during-outage', 60_000)).toBe(false);
      expect(await a.recall('kept')).toBe('v');
    } finally {
      await redis.server().launch();
    }
  });
});
