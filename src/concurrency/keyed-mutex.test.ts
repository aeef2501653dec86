import { describe, expect, it } from 'vitest';
import { KeyedMutex } from './keyed-mutex.ts';

/** A promise the test settles by hand, so ordering is decided by the test and never by timers. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-queued continuation run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedMutex', () => {
  it('runs work for one key one at a time, in arrival order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, i) =>
      mutex.runExclusive('discord:t1', async () => {
        log.push(`start ${i}`);
        await gate.promise;
        log.push(`end ${i}`);
        return i;
      }),
    );

    await settle();
    expect(log).toEqual(['start 0']);
    gates[2]?.resolve(); // finishing out of order must not let turn 2 jump the queue
    gates[1]?.resolve();
    await settle();
    expect(log).toEqual(['start 0']);
    gates[0]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('lets different keys run at the same time', async () => {
    const mutex = new KeyedMutex();
    const gate = deferred();
    const started: string[] = [];
    const a = mutex.runExclusive('discord:a', async () => {
      started.push('a');
      await gate.promise;
    });
    const b = mutex.runExclusive('discord:b', async () => {
      started.push('b');
      await gate.promise;
    });
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(mutex.activeKeys).toBe(2);
    gate.resolve();
    await Promise.all([a, b]);
  });

  it('passes a failure to its caller and still runs the next holder', async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.runExclusive('k', () => {
      throw new Error('turn failed');
    });
    const next = mutex.runExclusive('k', async () => 'ran');
    await expect(failing).rejects.toThrow('turn failed');
    await expect(next).resolves.toBe('ran');
  });

  it('keeps no entry for a key once its work is done', async () => {
    const mutex = new KeyedMutex();
    const gate = deferred();
    const first = mutex.runExclusive('k', () => gate.promise);
    const second = mutex.runExclusive('k', () => 'second');
    await settle();
    expect(mutex.activeKeys).toBe(1);
    gate.resolve();
    await Promise.all([first, second]);
    expect(mutex.activeKeys).toBe(0);

    await mutex.runExclusive('k', () => Promise.reject(new Error('boom'))).catch(() => undefined);
    expect(mutex.activeKeys).toBe(0);
  });
});
