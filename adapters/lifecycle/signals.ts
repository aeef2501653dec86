import type { Logger } from '../../src/log.ts';

export type LifecycleHooks = {
  /** Stop intake, let in-flight turns finish (bounded), close stores and clients. */
  shutdown(signal: NodeJS.Signals): Promise<void>;
  reload(): Promise<unknown>;
  logger: Logger;
  /** Upper bound on the whole graceful shutdown before the process exits anyway. */
  hardLimitMs?: number;
  exit?: (code: number) => void;
};

/**
 * SIGTERM/SIGINT: graceful shutdown, exit 0. A second one while shutting down: exit at once
 * (the operator means it). SIGHUP: re-validate and swap the knowledge.
 */
export function handleSignals(hooks: LifecycleHooks): () => void {
  const exit = hooks.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onStop = (signal: NodeJS.Signals) => {
    if (stopping) {
      hooks.logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    hooks.logger.info({ signal }, 'shutting down: no new turns, finishing the ones in flight');
    const force = setTimeout(() => {
      hooks.logger.error('shutdown took too long: exiting');
      exit(1);
    }, hooks.hardLimitMs ?? 15_000);
    force.unref();
    hooks.shutdown(signal).then(
      () => {
        hooks.logger.info('shut down cleanly');
        exit(0);
      },
      (error: unknown) => {
        hooks.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  const onHup = () => void hooks.reload();
  process.on('SIGTERM', onStop);
  process.on('SIGINT', onStop);
  process.on('SIGHUP', onHup);
  return () => {
    process.off('SIGTERM', onStop);
    process.off('SIGINT', onStop);
    process.off('SIGHUP', onHup);
  };
}
