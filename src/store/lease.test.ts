import { describe, expect, it, vi } from 'vitest';
import { hasRedisServer, uniquePrefix } from '../../tests/support/redis-server.ts';
import { useRedisServer } from '../../tests/support/use-redis-server.ts';
import { createLogger } from '../log.ts';
import { holdLease } from './lease.ts';

describe.runIf(hasRedisServer)('holdLease', () => {
  const redis = useRedisServer();
  const logger = createLogger('silent');

  it('gives the lease to one replica only, and to another once the holder stops', async () => {
    const key = `${uniquePrefix()}lease:discord-gateway`;
    const running: string[] = [];
    const replicas = await Promise.all(
      ['r1', 'r2', 'r3'].map(async (name) => {
        return holdLease({
          redis: await redis.connect(),
          key,
          ttlMs: 1_000,
          checkEveryMs: 100,
          logger,
          onAcquired: async () => void running.push(name),
          onLost: async () => void running.splice(running.indexOf(name), 1),
        });
      }),
    );
    await vi.waitFor(() => expect(running).toHaveLength(1), { timeout: 2_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(running).toHaveLength(1);
    const holder = replicas.find((r) => r.held)!;
    const holderName = running[0];
    await holder.stop();
    // The stopped holder let go; another may already have taken over in the same moment.
    expect(running).not.toContain(holderName);
    await vi.waitFor(() => expect(running).toHaveLength(1), { timeout: 2_000 });
    expect(running).not.toContain(holderName);
    expect(replicas.filter((r) => r.held)).toHaveLength(1);
    for (const replica of replicas) await replica.stop();
  });
});
