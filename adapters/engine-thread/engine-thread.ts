import { Worker } from 'node:worker_threads';
import type { Reply, SupportEngine } from '../../src/conversation/seam.ts';
import type { ReloadResult } from '../../src/create-engine.ts';
import type { Logger } from '../../src/log.ts';
import type { EngineMessage, EngineRequest, MetricsJson } from './protocol.ts';

/** How long a stopped engine thread waits before it is started again. */
const RESTART_PAUSE_MS = 1000;
/** How long closing waits for the thread's engine to close its store. */
const CLOSE_WAIT_MS = 5000;

export type EngineThread = {
  /**
   * The Slack door's engine: turns run on the thread; hand-offs and code suggestions on the main
   * thread's engine, which reads the same store. No `wouldAnswer`: the Slack door never asks it,
   * and the rate limits that would answer it live with the turns, on the thread.
   */
  engine: SupportEngine;
  reloadKnowledge(): Promise<ReloadResult>;
  /** The thread's metrics (turns, outcomes, answers, trees, durations), for /metrics. */
  metrics(): Promise<MetricsJson>;
  close(): Promise<void>;
};

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
/** A request before its id is given (Omit over each member of the union, not over the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type RequestBody = WithoutId<EngineRequest>;

/** The bundled worker beside the bundle (dist/engine-thread/), or the TypeScript source through tsx. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./engine-worker-from-source.mjs', import.meta.url) : new URL('./engine-thread/engine-worker.js', import.meta.url);
}

/** Starts one worker and resolves once its engine has loaded; rejects with the worker's own reason when it cannot. */
function spawnWorker(url: URL): Promise<Worker> {
  const worker = new Worker(url);
  return new Promise((resolve, reject) => {
    const onMessage = (message: EngineMessage) => {
      if (message.kind === 'ready') settle(() => resolve(worker));
      if (message.kind === 'failed') settle(() => reject(new Error(`the engine thread could not start: ${message.message}`)), true);
    };
    const onError = (error: Error) => settle(() => reject(error), true);
    const onExit = (code: number) => settle(() => reject(new Error(`the engine thread exited with code ${code} while starting`)));
    const settle = (then: () => void, terminate = false) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (terminate) void worker.terminate();
      then();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/**
 * Runs the Slack door's turns on a worker thread, so the door's own event loop only receives,
 * acks and posts: measured in `npm run bench:slack`, the engine was about a third of that loop's
 * busy time, and every ack waited behind it. The thread has its own engine over the same store
 * (conversations, turn locks, rate limits and the event log are already shared between
 * processes, so two engines of one process share them the same way).
 *
 * A thread that dies fails its turns in flight (each gets the door's apology), and is started
 * again after a pause; turns that arrive meanwhile fail the same way rather than wait.
 */
export async function startEngineThread(options: { main: SupportEngine; logger: Logger; /** Tests run a scripted worker. */ workerUrl?: URL }): Promise<EngineThread> {
  const url = options.workerUrl ?? workerUrl();
  const logger = options.logger.child({ component: 'engine-thread' });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closing = false;
  let worker: Worker | undefined;

  const adopt = (ready: Worker) => {
    worker = ready;
    ready.on('message', (message: EngineMessage) => {
      if (message.kind !== 'answer') return;
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.message));
    });
    ready.on('error', (error) => logger.error({ err: error }, 'the engine thread failed'));
    ready.on('exit', (code) => {
      worker = undefined;
      for (const waiting of pending.values()) waiting.reject(new Error('the engine thread stopped'));
      pending.clear();
      if (closing) return;
      logger.error({ code }, 'the engine thread stopped; starting it again');
      setTimeout(restart, RESTART_PAUSE_MS).unref();
    });
  };
  const restart = () => {
    if (closing) return;
    spawnWorker(url).then(adopt, (error: unknown) => {
      logger.error({ err: error }, 'the engine thread did not start again; retrying');
      setTimeout(restart, RESTART_PAUSE_MS).unref();
    });
  };
  const request = <T>(body: RequestBody): Promise<T> => {
    const target = worker;
    if (!target) return Promise.reject(new Error(closing ? 'the engine thread is closed' : 'the engine thread is restarting'));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      target.postMessage({ ...body, id } satisfies EngineRequest);
    });
  };

  adopt(await spawnWorker(url));
  logger.debug('engine thread started');
  const { main } = options;
  return {
    engine: {
      handle: (turn) => request<Reply[]>({ op: 'handle', turn }),
      codeSuggestions: (prefix, limit) => main.codeSuggestions(prefix, limit),
      handoff: (handoffRequest) => main.handoff(handoffRequest),
      close: async () => {},
    },
    reloadKnowledge: () => request<ReloadResult>({ op: 'reload' }),
    metrics: () => request<MetricsJson>({ op: 'metrics' }),
    async close() {
      const target = worker;
      // The store closes on the thread first (its last writes land), then the thread ends.
      if (target) await Promise.race([request({ op: 'close' }).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
      closing = true;
      await target?.terminate();
    },
  };
}
