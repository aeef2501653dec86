import type Database from 'better-sqlite3';

/** How long opening waits for another process that is creating or recovering the same file. */
const WAL_SWITCH_ATTEMPTS = 40;
const WAL_SWITCH_PAUSE_MS = 25;

/**
 * Puts a fresh connection into WAL mode with the pragmas every store uses. Switching the journal
 * mode can report SQLITE_BUSY at once, without sqlite's busy handler, while another process is
 * creating or recovering the same file (two bot processes starting together on one DATA_DIR);
 * that moment passes within milliseconds, so the switch is retried for up to a second.
 */
export function openInWalMode(db: Database.Database): void {
  db.pragma('busy_timeout = 5000');
  for (let attempt = 1; ; attempt++) {
    try {
      db.pragma('journal_mode = WAL');
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= WAL_SWITCH_ATTEMPTS) throw error;
      // Opening happens once, at start-up: a short synchronous pause is simpler than making every constructor async.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_SWITCH_PAUSE_MS);
    }
  }
  // With WAL, NORMAL survives a crash of the process and skips an fsync per turn.
  db.pragma('synchronous = NORMAL');
}
