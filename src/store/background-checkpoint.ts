import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker copies the WAL back into the database file. */
export const CHECKPOINT_EVERY_MS = 1_000;

/**
 * The worker's whole program. It opens its own connection to the same file and runs PASSIVE
 * checkpoints, which never wait for (or block) the bot's writes; the bot's connection keeps
 * appending to the WAL meanwhile. Plain CommonJS because an eval'd worker is a script.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage(String(error && error.message || error)); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

/**
 * Moves sqlite's WAL checkpoints off the event loop. By default sqlite checkpoints inside
 * whichever commit pushes the WAL past 1000 pages: that commit copies ~4 MB and fsyncs, which
 * here stalled a turn (and every Slack ack behind it) for 60 ms on an idle disk and for seconds
 * on a busy one. The bot's connection stops checkpointing; a worker thread does it every second.
 * Returns the function that stops the worker (waits for it, so the file is closed).
 */
export function checkpointInBackground(db: Database.Database, onError: (message: string) => void): () => Promise<void> {
  if (db.memory) return async () => undefined;
  db.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: db.name, everyMs: CHECKPOINT_EVERY_MS } });
  worker.unref();
  worker.on('message', (message: string) => onError(message));
  worker.on('error', (error) => onError(error.message));
  let stopped: Promise<void> | undefined;
  let exited = false;
  worker.once('exit', () => {
    exited = true;
    if (stopped || !db.open) return;
    // A worker that died must not let the WAL grow without bound: checkpoints go back in-line.
    db.pragma('wal_autocheckpoint = 1000');
    onError('the checkpoint worker stopped; sqlite checkpoints in-line again');
  });
  return () =>
    (stopped ??= new Promise<void>((resolve) => {
      if (exited) return resolve();
      worker.once('exit', () => resolve());
      // Unref'd while it runs, so it never keeps a process alive; ref'd while it stops, so the
      // process waits for its last checkpoint instead of exiting under an await (exit code 13).
      worker.ref();
      worker.postMessage('stop');
    }));
}
