import { describe, expect, it } from 'vitest';
import type { SupportEngine, Turn } from '../../src/conversation/seam.ts';
import { createLogger } from '../../src/log.ts';
import { startEngineThread } from './engine-thread.ts';

const scripted = (name: string) => new URL(`../../tests/support/engine-thread/${name}`, import.meta.url);
const turn = (text: string): Turn => ({ conversation: { platform: 'slack', id: 'C1:1.2', user: 'U1', place: 'C1' }, input: { kind: 'text', text } });
// Hand-offs go to the main thread's engine; this one only proves they do.
const main: SupportEngine = {
  handle: () => Promise.reject(new Error('turns belong to the thread')),
  codeSuggestions: (prefix) => [{ code: `${prefix}0`, title: 'from the main engine' }],
  handoff: () => Promise.reject(new Error('not in this test')),
  close: async () => {},
};

/** The supervisor of the Slack door's engine thread, driving a real worker thread that speaks its protocol. */
describe('the engine thread', () => {
  it('answers turns on the thread, and code suggestions from the main engine', async () => {
    const thread = await startEngineThread({ main, logger: createLogger('silent'), workerUrl: scripted('scripted-worker.mjs') });
    try {
      expect(await thread.engine.handle(turn('error 522'))).toEqual([{ text: 'echo: error 522' }]);
      expect(thread.engine.codeSuggestions('52')).toEqual([{ code: '520', title: 'from the main engine' }]);
      expect(await thread.metrics()).toEqual([]);
    } finally {
      await thread.close();
    }
  });

  it('a thread that dies fails its turn in flight, refuses turns while it restarts, then answers again', async () => {
    const thread = await startEngineThread({ main, logger: createLogger('silent'), workerUrl: scripted('scripted-worker.mjs') });
    try {
      await expect(thread.engine.handle(turn('exit'))).rejects.toThrow('the engine thread stopped');
      await expect(thread.engine.handle(turn('too soon'))).rejects.toThrow('the engine thread is restarting');
      const deadline = Date.now() + 5000;
      let answer: unknown;
      while (answer === undefined && Date.now() < deadline) {
        answer = await thread.engine.handle(turn('back again')).catch(() => new Promise((resolve) => setTimeout(() => resolve(undefined), 100)));
      }
      expect(answer).toEqual([{ text: 'echo: back again' }]);
    } finally {
      await thread.close();
    }
  });

  it('a thread whose engine cannot load fails start-up with its reason', async () => {
    await expect(startEngineThread({ main, logger: createLogger('silent'), workerUrl: scripted('failing-worker.mjs') })).rejects.toThrow(/could not start: knowledge\/flows\/workers.yaml/);
  });

  it('after close, turns are refused at once instead of waiting', async () => {
    const thread = await startEngineThread({ main, logger: createLogger('silent'), workerUrl: scripted('scripted-worker.mjs') });
    await thread.close();
    await expect(thread.engine.handle(turn('late'))).rejects.toThrow('the engine thread is closed');
  });
});
