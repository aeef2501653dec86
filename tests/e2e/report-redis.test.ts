import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { RedisEventLog } from '../../src/observability/redis-event-log.ts';
import type { GapReport } from '../../src/report/gap-report.ts';
import { cleanEnv, ROOT } from '../support/bot-process.ts';
import { RedisServer } from '../support/redis-server.ts';
import { seedConversations } from '../support/seed-conversations.ts';

/** With REDIS_URL, every replica writes operator events to one Redis, and `cli report` reads them there. */
let redis: RedisServer;
const temp = mkdtempSync(join(tmpdir(), 'cfbot-report-redis-'));
beforeAll(async () => {
  redis = await RedisServer.start();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
  rmSync(temp, { recursive: true, force: true });
});

describe('operator events in Redis', () => {
  it('keeps identical events apart, returns them oldest first, and reads them back validated', async () => {
    const log = new RedisEventLog(redis.url, { key: 'test:events' });
    try {
      const event = { type: 'feedback' as const, at: '2026-12-01T10:00:00.000Z', key: 'cli:x', helpful: false, page: 'error-522' };
      await log.append(event);
      await log.append(event);
      await log.append({ ...event, at: '2026-12-01T09:00:00.000Z', helpful: true });
      const read = await log.since(new Date('2026-12-01T00:00:00Z'));
      expect(read.map((e) => e.at)).toEqual(['2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z']);
      expect(await log.since(new Date('2026-12-01T09:30:00Z'))).toHaveLength(2);
    } finally {
      await log.close();
    }
  });

  it('cli report reads what two processes wrote (each with its own DATA_DIR) from the one Redis', async () => {
    await seedConversations(loadConfig({ DATA_DIR: join(temp, 'replica-1'), REDIS_URL: redis.url, LOG_LEVEL: 'silent' }));
    await seedConversations(loadConfig({ DATA_DIR: join(temp, 'replica-2'), REDIS_URL: redis.url, LOG_LEVEL: 'silent' }));
    const run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'adapters', 'cli', 'main.ts'), 'report', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: cleanEnv({ DATA_DIR: join(temp, 'reader'), REDIS_URL: redis.url, LOG_LEVEL: 'silent' }),
    });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as GapReport;
    expect(report.unanswered.find((g) => /fridge/.test(g.example))?.count).toBe(4);
    expect(report.worstPages[0]).toMatchObject({ page: 'cloudflare-wordpress-plugin-automatic-cache-management', down: 4, up: 2 });
  }, 120_000);
});
