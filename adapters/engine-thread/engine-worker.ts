import { parentPort } from 'node:worker_threads';
import { loadConfig } from '../../src/config.ts';
import { createEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';
import { createBotMetrics } from '../../src/metrics/bot-metrics.ts';
import type { EngineMessage, EngineRequest } from './protocol.ts';

/**
 * The engine thread (adapters/engine-thread/engine-thread.ts starts it): its own engine over the
 * same store as the main thread's (the sqlite file, or Redis), answering the main thread's
 * requests. Its counters are read back for /metrics; its log lines go straight to stderr.
 */
const port = parentPort;
if (!port) throw new Error('engine-worker.ts runs as a worker thread, started by engine-thread.ts');
const send = (message: EngineMessage) => port.postMessage(message);

try {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL).child({ thread: 'engine' });
  const metrics = createBotMetrics({ defaultMetrics: false });
  const engine = await createEngine({ config, logger, metrics });
  port.on('message', (request: EngineRequest) => {
    const work = async () => {
      switch (request.op) {
        case 'handle':
          return engine.handle(request.turn);
        case 'reload':
          return engine.reloadKnowledge();
        case 'metrics':
          return metrics.registry.getMetricsAsJSON();
        case 'close':
          await engine.close();
          return null;
      }
    };
    work().then(
      (value) => send({ kind: 'answer', id: request.id, ok: true, value }),
      (error: unknown) => send({ kind: 'answer', id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({ kind: 'ready' });
} catch (error) {
  send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
