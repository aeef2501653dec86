// A stand-in engine thread for adapters/engine-thread/engine-thread.test.ts: it speaks the
// thread protocol (adapters/engine-thread/protocol.ts), echoes each turn, and exits when told
// "exit", as a thread that hit a fatal bug would.
import process from 'node:process';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (request) => {
  if (request.op === 'handle' && request.turn.input.text === 'exit') process.exit(3);
  const value = request.op === 'handle' ? [{ text: `echo: ${request.turn.input.text}` }] : request.op === 'metrics' ? [] : null;
  parentPort.postMessage({ kind: 'answer', id: request.id, ok: true, value });
});
parentPort.postMessage({ kind: 'ready' });
