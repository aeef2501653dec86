/**
 * The local fake Slack Web API in its own process for `npm run bench:slack`, so recording calls
 * costs neither the door's CPU nor the load generator's. Prints its URL on stdout; answers IPC
 * `{ kind: 'tally', prefix }` with what was posted into threads whose ts starts with `prefix`.
 */
import { FakeSlackApi } from '../../tests/fakes/slack/fake-slack-api.ts';

export type ThreadTally = { threads: Record<string, { answers: number; shed: number; limited: number }>; authTests: number };

const SHED = /^I am answering a lot of questions right now/;
const LIMITED = /faster than I can help|more questions than I can answer/;

const fake = await new FakeSlackApi().start();
let authTests = 0;
process.send?.({ kind: 'ready', apiUrl: fake.apiUrl });

process.on('message', (message: { kind: string; prefix?: string }) => {
  if (message.kind !== 'tally') return;
  authTests += fake.callsTo('auth.test').length;
  const tally: ThreadTally = { threads: {}, authTests };
  for (const call of fake.callsTo('chat.postMessage')) {
    const thread = String(call.body['thread_ts'] ?? '');
    if (!thread.startsWith(message.prefix ?? '')) continue;
    const entry = (tally.threads[thread] ??= { answers: 0, shed: 0, limited: 0 });
    const text = String(call.body['text'] ?? '');
    if (SHED.test(text)) entry.shed += 1;
    else if (LIMITED.test(text)) entry.limited += 1;
    else entry.answers += 1;
  }
  // Recorded calls are no longer needed once tallied; the next step starts from an empty list.
  fake.calls.splice(0, fake.calls.length);
  process.send?.({ kind: 'tally', tally });
});
process.on('disconnect', () => void fake.close().then(() => process.exit(0)));
