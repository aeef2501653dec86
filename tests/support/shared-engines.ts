import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import { createEngine } from '../../src/create-engine.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { openBackend, type Backend } from '../../src/store/open-store.ts';

export type SharedInstance = { engine: SupportEngine; backend: Backend; config: Config };

/**
 * One bot process as the tests see it: its own Redis connection and engine, on the shipped
 * knowledge. Two of these on one Redis and one key prefix are two replicas of one bot.
 */
export async function redisInstance(redisUrl: string, keyPrefix: string, env: Record<string, string> = {}, logger: Logger = createLogger('silent')): Promise<SharedInstance> {
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfbot-shared-')), LOG_LEVEL: 'silent', REDIS_URL: redisUrl, ...env });
  const backend = await openBackend({ kind: 'redis', dataDir: config.DATA_DIR, redisUrl, keyPrefix, logger });
  const engine = await createEngine({ config, logger, backend });
  return { engine, backend, config };
}
