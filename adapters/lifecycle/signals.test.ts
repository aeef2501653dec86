import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { handleSignals } from './signals.ts';

describe('process signals', () => {
  it('SIGTERM shuts down gracefully and exits 0; a second signal during it exits 1 at once; SIGHUP reloads', async () => {
    const exits: number[] = [];
    let finish: () => void = () => {};
    let reloads = 0;
    const stop = handleSignals({
      logger: createLogger('silent'),
      shutdown: () => new Promise<void>((resolve) => (finish = resolve)),
      reload: async () => void reloads++,
      exit: (code) => void exits.push(code),
    });
    try {
      process.emit('SIGHUP');
      expect(reloads).toBe(1);
      process.emit('SIGTERM');
      expect(exits).toEqual([]); // draining
      process.emit('SIGINT');
      expect(exits).toEqual([1]);
      finish();
      await new Promise((resolve) => setImmediate(resolve));
      expect(exits).toEqual([1, 0]);
    } finally {
      stop();
    }
  });
});
