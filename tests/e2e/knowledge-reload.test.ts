import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createEngine, type RunningEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';
import { FAKE_BOT_TOKEN, FakeSlackApi } from '../fakes/slack/fake-slack-api.ts';
import { BotProcess, ROOT } from '../support/bot-process.ts';
import { allText, conversation } from '../support/engine.ts';
import { ScrapedMetrics } from '../support/prometheus.ts';
import { eventEnvelope, mentionEvent, nextTs } from '../fakes/slack/payloads.ts';
import { jsonBody, postSigned } from '../fakes/slack/signed-request.ts';

const OLD_QUESTION = 'Do you own the Worker, or are you visiting a site that shows this error?';
const NEW_QUESTION = 'Is this your Worker, or a site you are visiting?';

function knowledgeCopy(temp: string): { dir: string; workers: string; original: string } {
  const dir = join(temp, 'knowledge');
  cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
  const workers = join(dir, 'flows', 'workers.yaml');
  return { dir, workers, original: readFileSync(workers, 'utf8') };
}

describe('knowledge reload in a running engine', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cfbot-reload-'));
  const knowledge = knowledgeCopy(temp);
  let engine: RunningEngine;
  beforeAll(async () => {
    engine = await createEngine({ config: loadConfig({ DATA_DIR: join(temp, 'data'), KNOWLEDGE_DIR: knowledge.dir, LOG_LEVEL: 'silent' }), logger: createLogger('silent') });
  });
  afterAll(async () => {
    await engine.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('a good edit is validated and swapped in: the next conversation sees it', async () => {
    expect(allText(await conversation(engine, 'before').say('error 1101'))).toContain(OLD_QUESTION);
    writeFileSync(knowledge.workers, knowledge.original.replace(OLD_QUESTION, NEW_QUESTION));
    const result = await engine.reloadKnowledge();
    expect(result).toMatchObject({ ok: true, from: 'files' });
    expect(allText(await conversation(engine, 'after').say('error 1101'))).toContain(NEW_QUESTION);
  });

  it('a broken edit is refused with file, node and reason, and the bot keeps answering from the previous knowledge', async () => {
    writeFileSync(knowledge.workers, knowledge.original.replace(OLD_QUESTION, NEW_QUESTION).replace('next: which-code', 'next: no-such-node'));
    const result = await engine.reloadKnowledge();
    expect(result).toEqual({ ok: false, file: knowledge.workers, node: 'audience', reason: expect.stringMatching(/no-such-node.*does not exist|does not exist.*no-such-node/) });
    expect(allText(await conversation(engine, 'during').say('error 1101'))).toContain(NEW_QUESTION);
  });

  it('an unchanged folder comes back from the snapshot, not re-parsed', async () => {
    writeFileSync(knowledge.workers, knowledge.original);
    expect(await engine.reloadKnowledge()).toMatchObject({ ok: true, from: 'files' });
    expect(await engine.reloadKnowledge()).toMatchObject({ ok: true, from: 'snapshot' });
    expect(allText(await conversation(engine, 'restored').say('error 1101'))).toContain(OLD_QUESTION);
  });
});

describe('knowledge reload in a running process: file watch and SIGHUP', () => {
  const temp = mkdtempSync(join(tmpdir(), 'cfbot-reload-proc-'));
  const knowledge = knowledgeCopy(temp);
  let fake: FakeSlackApi;
  let bot: BotProcess;
  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    bot = new BotProcess({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: 'x', SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(temp, 'data'), KNOWLEDGE_DIR: knowledge.dir });
    await bot.waitForLog('started');
  }, 60_000);
  afterAll(async () => {
    await bot.stop();
    await fake.close();
    rmSync(temp, { recursive: true, force: true });
  });

  // The process's own lines; the Slack engine thread logs its reloads too, marked thread: engine.
  const count = (msg: RegExp, thread?: string) => bot.logs.filter((l) => msg.test(l.msg) && l['thread'] === thread).length;
  /** What the Slack door posts for a mention, answered by the engine thread. */
  const slackAnswer = async (text: string) => {
    const ts = nextTs();
    const sent = await postSigned(`${await bot.baseUrl()}/slack/events`, 'x', jsonBody(eventEnvelope(mentionEvent({ channel: 'CRELOAD', user: `U${ts.replace('.', '')}`, text, ts }))));
    expect(sent.status).toBe(200);
    const post = await fake.waitForCall('chat.postMessage', (call) => call.body['thread_ts'] === ts, 10_000);
    return JSON.stringify(post.body);
  };

  it('a saved edit under knowledge/ reloads; a broken one is logged with file, node and reason and changes nothing', async () => {
    expect(await slackAnswer('error 1101')).toContain(OLD_QUESTION);
    writeFileSync(knowledge.workers, knowledge.original.replace(OLD_QUESTION, NEW_QUESTION));
    await bot.waitFor(() => (count(/^knowledge reloaded/) >= 1 ? true : undefined), 'a reload after the edit');
    // The Slack door's turns run on the engine thread: it reloads too, and answers from the edit.
    await bot.waitFor(() => (count(/^knowledge reloaded/, 'engine') >= 1 ? true : undefined), 'the engine thread reloading after the edit');
    expect(await slackAnswer('error 1101')).toContain(NEW_QUESTION);
    writeFileSync(knowledge.workers, knowledge.original.replace('next: which-code', 'next: no-such-node'));
    const rejected = await bot.waitForLog(/^knowledge reload rejected/);
    expect(rejected).toMatchObject({ level: 50, file: knowledge.workers, node: 'audience', reason: expect.stringMatching(/no-such-node/) });
    const metrics = await ScrapedMetrics.from(await bot.baseUrl());
    expect(metrics.value('cfbot_knowledge_reloads_total', { result: 'rejected' })).toBe(1);
    expect((await fetch(`${await bot.baseUrl()}/readyz`)).status).toBe(200); // still serving the old knowledge
  }, 30_000);

  it('SIGHUP re-validates and swaps the knowledge', async () => {
    writeFileSync(knowledge.workers, knowledge.original);
    await bot.waitFor(() => (count(/^knowledge reloaded/) >= 2 ? true : undefined), 'the reload after the fix');
    const before = count(/^knowledge reloaded/);
    bot.signal('SIGHUP');
    await bot.waitFor(() => (count(/^knowledge reloaded/) > before ? true : undefined), 'a reload after SIGHUP');
    expect(bot.logs.filter((l) => /^knowledge reloaded/.test(l.msg)).at(-1)).toMatchObject({ from: 'snapshot' });
  }, 30_000);
});
