import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { connectRedis } from '../../src/store/redis-connection.ts';
import { RedisServer } from './redis-server.ts';

/**
 * For a describe block: a redis-server started before its tests and stopped after them, and
 * `connect()` for one bot process's connection (closed at the end too).
 */
export function useRedisServer(): { server: () => RedisServer; connect: () => Promise<Redis> } {
  let server: RedisServer | undefined;
  const clients: Redis[] = [];
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('redis-server is not running: call useRedisServer() inside describe');
    return server;
  };
  return {
    server: running,
    connect: async () => {
      const client = await connectRedis(running().url, createLogger('silent'));
      clients.push(client);
      return client;
    },
  };
}
