import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ChannelType } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';
import { startBotUnderTest } from '../fakes/discord/bot-under-test.ts';
import { world } from '../fakes/discord/world.ts';
import { SlackStory, SUPPORT_CHANNEL } from '../fakes/slack/slack-story.ts';
import { buildCorpus, secretKept, type SecretPaste } from '../fixtures/secrets/corpus.ts';

/** One person pastes the whole corpus in a minute; the rate limit (tested on its own) must not silence them here. */
const UNLIMITED = { RATE_LIMIT_USER_PER_MINUTE: '100000', RATE_LIMIT_CHANNEL_PER_MINUTE: '100000' };

/**
 * The secret corpus goes in through each door, with a real sqlite file and debug logs; then every
 * byte that left the process (requests to the fakes) or landed on disk (the DATA_DIR files) and
 * every log byte is searched for any 12 characters of any secret.
 */

const corpus = buildCorpus(20261201, 1);
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfbot-secrets-'));
  tempDirs.push(dir);
  return dir;
}

/** A log destination that keeps every byte written to it. */
function logSink(): { stream: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Every file under DATA_DIR, however deep (the knowledge snapshot cache sits in a folder). */
function filesIn(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? filesIn(path.join(dir, entry.name)) : readFileSync(path.join(dir, entry.name)).toString('latin1')))
    .join('\n');
}

/** Every string inside a JSON value, so a secret split by JSON escaping is still seen. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The text as sent, plus the same text with markdown escapes and Slack entities undone, so escaping cannot hide a leak. */
function readable(text: string): string {
  const unescaped = text.replace(/\\([^\w\s])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return `${text}\n${unescaped}`;
}

function leaks(pastes: readonly SecretPaste[], places: Record<string, string>): { category: string; place: string; secret: string }[] {
  const searched = Object.entries(places).map(([place, text]) => [place, readable(text)] as const);
  return pastes.flatMap((paste) =>
    paste.secrets.flatMap((secret) => searched.filter(([, text]) => secretKept(text, secret)).map(([place]) => ({ category: paste.category, place, secret: secret.slice(0, 6) }))),
  );
}

const DOOR_TIMEOUT_MS = 240_000;

describe('the secret corpus through the Discord door', () => {
  it(
    'leaves no secret in thread names, answers, summaries, hand-offs, the sqlite file or the logs',
    async () => {
      const dir = dataDir();
      const logs = logSink();
      const { fake, engine, stop } = await startBotUnderTest({ DATA_DIR: dir, LOG_LEVEL: 'debug', ...UNLIMITED }, { store: 'sqlite', logger: createLogger('trace', logs.stream) });
      const me = world.users.bot;
      const { alice, bob, mod } = world.users;
      try {
        for (const [i, paste] of corpus.pastes.entries()) {
          const user = i % 2 ? alice : bob;
          const turnsBefore = engine.turns.length;
          fake.postsMessage(user, world.channels.help, `<@${me.id}> ${paste.text}`);
          await fake.rest.waitUntil(() => engine.turns.length > turnsBefore, 'the answer to a paste');
          const threadId = engine.turns.at(-1)!.turn.conversation.id;
          const thread = { id: threadId, type: ChannelType.PublicThread, parentId: world.channels.help.id };
          // Asking for a human makes the engine quote the first message in the case summary.
          fake.postsMessage(user, thread, `<@${me.id}> talk to a human`);
          await fake.rest.waitUntil(() => engine.turns.length > turnsBefore + 1, 'the escalation');
          // The same paste as /ask in a channel, then a moderator's /handoff there: the transcript quotes it.
          const ask = fake.runsSlashCommand(user, 'ask', { question: paste.text });
          await fake.firstMessageFor(ask);
          const handoffsBefore = engine.handoffs.length;
          const handoff = fake.runsSlashCommand(mod, 'handoff', { user: { user } });
          await fake.firstMessageFor(handoff);
          expect(engine.handoffs.length).toBeGreaterThan(handoffsBefore);
        }
        // The last posts (transcripts, DMs) finish after the confirmation.
        const transcripts = () => fake.rest.matching(`POST /channels/${world.channels.moderators.id}/messages`).filter((r) => JSON.stringify(r.body ?? '').includes('"Transcript"'));
        await fake.rest.waitUntil(() => transcripts().length >= corpus.pastes.length, 'every hand-off transcript');
      } finally {
        await stop();
      }
      const requests = fake.rest.requests.map((r) => [r.method, r.path, r.query.toString(), ...stringsOf(r.body)].join('\n')).join('\n');
      const threadNames = fake.rest.matching('POST /channels/:id/messages/:id/threads').map((r) => String(r.body?.name));
      expect(threadNames.length).toBe(corpus.pastes.length);
      expect(fake.rest.requests.some((r) => JSON.stringify(r.body ?? '').includes('[redacted '))).toBe(true);
      expect(leaks(corpus.pastes, { 'thread names': threadNames.join('\n'), 'requests to Discord': requests, 'sqlite files': filesIn(dir), logs: logs.text() })).toEqual([]);
    },
    DOOR_TIMEOUT_MS,
  );
});

describe('the secret corpus through the Slack door', () => {
  it(
    'leaves no secret in answers, summaries, the modal prefill, the escalation post, the sqlite file or the logs',
    async () => {
      const dir = dataDir();
      const logs = logSink();
      const logger = createLogger('trace', logs.stream);
      const engineConfig = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'debug', ...UNLIMITED });
      const engine = await createEngine({ config: engineConfig, logger, store: 'sqlite' });
      const story = await SlackStory.start({ engine, logger });
      try {
        for (const [i, paste] of corpus.pastes.entries()) {
          const channel = 'CSECRETS';
          const text = paste.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
          const { ts } = await story.mention({ channel, user: 'UASKER', text });
          await story.answerIn(channel);
          await story.postsAfter(channel, () => story.mention({ channel, user: 'UASKER', text: 'talk to a human', threadTs: ts }));
          // A moderator escalates the message; the user then types the secret into the modal too.
          const opensBefore = story.fake.callsTo('views.open').length;
          await story.escalateMessage('UMOD', channel, { user: 'UASKER', text, ts, threadTs: ts });
          await story.fake.waitForCall('views.open', () => story.fake.callsTo('views.open').length > opensBefore);
          const view = story.fake.callsTo('views.open').at(-1)!.body['view'] as Record<string, unknown>;
          const postsBefore = story.fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === SUPPORT_CHANNEL).length;
          await story.submitModal('UMOD', view, `Edited summary ${i}\n${paste.text}`);
          await story.fake.waitForCall('chat.postMessage', () => story.fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === SUPPORT_CHANNEL).length > postsBefore);
        }
        await story.slack.idle();
      } finally {
        await story.close();
      }
      const sent = [...story.fake.calls.flatMap((call) => stringsOf(call.body)), ...story.fake.responses.flatMap((response) => stringsOf(response.body))].join('\n');
      expect(sent).toContain('[redacted ');
      expect(leaks(corpus.pastes, { 'requests to Slack': sent, 'sqlite files': filesIn(dir), logs: logs.text() })).toEqual([]);
    },
    DOOR_TIMEOUT_MS,
  );
});
