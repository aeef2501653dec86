import type { Redis } from 'ioredis';

// Compare-and-extend / compare-and-delete: only the holder's token may renew or release a key
// it set with SET NX PX (turn locks, the Discord gateway lease).
const RENEW_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Sets `key` to `token` for ttlMs unless someone holds it; true when this caller now does. */
export async function takeOwnedKey(redis: Redis, key: string, token: string, ttlMs: number): Promise<boolean> {
  return (await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
}

type OwnedKeyCommands = {
  cfbotRenewIfOwner(key: string, token: string, ttlMs: number): Promise<unknown>;
  cfbotReleaseIfOwner(key: string, token: string): Promise<unknown>;
};
const withCommands = new WeakSet<Redis>();

/**
 * The scripts as ioredis commands: sent by SHA (EVALSHA) after the first call instead of as the
 * whole script on every turn's unlock; ioredis re-sends the script itself when a restarted Redis
 * answers NOSCRIPT.
 */
function commands(redis: Redis): Redis & OwnedKeyCommands {
  if (!withCommands.has(redis)) {
    redis.defineCommand('cfbotRenewIfOwner', { numberOfKeys: 1, lua: RENEW_IF_OWNER });
    redis.defineCommand('cfbotReleaseIfOwner', { numberOfKeys: 1, lua: RELEASE_IF_OWNER });
    withCommands.add(redis);
  }
  return redis as Redis & OwnedKeyCommands;
}

/** True when the key was still this token's and now lives ttlMs longer. */
export async function renewOwnedKey(redis: Redis, key: string, token: string, ttlMs: number): Promise<boolean> {
  return Number(await commands(redis).cfbotRenewIfOwner(key, token, ttlMs)) === 1;
}

export async function releaseOwnedKey(redis: Redis, key: string, token: string): Promise<void> {
  await commands(redis).cfbotReleaseIfOwner(key, token);
}
