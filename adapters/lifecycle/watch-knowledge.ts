import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../../src/log.ts';

const SETTLE_MS = 300;

/**
 * Calls `reload` once an edit under the knowledge folder settles (editors write a file in several
 * steps, a git checkout touches many): one reload per burst, never one per event.
 */
export function watchKnowledge(dir: string, reload: () => Promise<unknown>, logger: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), SETTLE_MS);
    });
  } catch (error) {
    logger.warn({ err: error, dir }, 'cannot watch the knowledge folder; send SIGHUP to reload');
    return () => {};
  }
  watcher.on('error', (error) => logger.warn({ err: error, dir }, 'knowledge watch failed; send SIGHUP to reload'));
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
