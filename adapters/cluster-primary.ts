import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../src/config.ts';
import type { Logger } from '../src/log.ts';

/** A worker that dies this soon after starting is broken, not unlucky: stop instead of looping. */
const CRASH_LOOP_MS = 5_000;

/**
 * `WORKERS=N npm start`: this process only supervises. It forks N copies of adapters/main.ts
 * that share PORT (the cluster module hands each incoming connection to one of them) and the
 * store (REDIS_URL: conversations, locks, de-duplication and rate limits live there, so any
 * worker can take any event). A worker that crashes is replaced; a signal stops them all.
 */
export function superviseWorkers(config: Config, logger: Logger): void {
  if (!config.REDIS_URL) {
    throw new Error(`WORKERS=${config.WORKERS} needs REDIS_URL: several processes must share conversations, locks, de-duplication and rate limits. Set REDIS_URL or use WORKERS=1.`);
  }
  let stopping = false;
  const startedAt = new Map<number, number>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    return worker;
  };
  for (let i = 0; i < config.WORKERS; i += 1) fork();

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const livedMs = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (livedMs < CRASH_LOOP_MS) {
      logger.fatal({ worker: worker.id, code, signal }, 'a worker died right after starting; stopping (see its error above)');
      void stopAll(1);
      return;
    }
    logger.error({ worker: worker.id, code, signal }, 'worker died; starting a replacement');
    fork();
  });

  const stopAll = async (exitCode: number) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
      w.once('exit', () => resolve());
      w.process.kill('SIGTERM');
    })));
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  logger.info({ workers: config.WORKERS, port: config.PORT }, 'supervising workers');
}
