import type { Redis } from 'ioredis';

// Compare-and-extend / compare-and-delete: only the holder's token may renew or release a key
// it set with SET NX PX (turn locks, the Discord gateway lease).
const RENEW_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Sets `key` to `token` for ttlMs unless someone holds it; true when this caller now does. */
export async function takeOwnedKey(redis: Redis, key: string, token: string, ttlMs: number): Promise<boolean> {
  return (await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
}

/** True when the key was still this token's and now lives ttlMs longer. */
export async function renewOwnedKey(redis: Redis, key: string, token: string, ttlMs: number): Promise<boolean> {
  return Number(await redis.eval(RENEW_IF_OWNER, 1, key, token, ttlMs)) === 1;
}

export async function releaseOwnedKey(redis: Redis, key: string, token: string): Promise<void> {
  await redis.eval(RELEASE_IF_OWNER, 1, key, token);
}
