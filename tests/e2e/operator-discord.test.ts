import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.ts';
import { world } from '../fakes/discord/world.ts';
import { BotProcess } from '../support/bot-process.ts';
import { ScrapedMetrics } from '../support/prometheus.ts';
import { SlowStatusPage } from '../support/slow-status-page.ts';

/** `npm start` with only Discord configured: one process, the real discord.js client against the local fake. */
const temp = mkdtempSync(join(tmpdir(), 'cfbot-op-discord-'));
let fake: FakeDiscord;
let status: SlowStatusPage;
let bot: BotProcess;
let base: string;
const { alice, bob } = world.users;
const textOf = (body: unknown) => JSON.stringify(body);

beforeAll(async () => {
  fake = await new FakeDiscord().start();
  status = new SlowStatusPage(2_500);
  const statusUrl = await status.start();
  bot = new BotProcess({
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: world.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: join(temp, 'data'),
    STATUS_PAGE_URL: statusUrl,
    KNOWLEDGE_WATCH: 'false',
  });
  base = await bot.baseUrl();
  await bot.waitForLog('started');
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await status?.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('Discord-only deployment: health, readiness and metrics on PORT', () => {
  it('serves /healthz, and /readyz says ready only with knowledge, store and the gateway all up', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { knowledge: true, store: true, discord: true } });
  });

  it('/metrics counts a scripted conversation by platform, input, outcome, page and tree, with HELP and TYPE', async () => {
    const answer = fake.runsSlashCommand(alice, 'ask', { question: 'error 1020' });
    await fake.firstMessageFor(answer);
    const poem = fake.runsSlashCommand(bob, 'ask', { question: 'write me a poem about penguins' });
    expect(textOf((await fake.firstMessageFor(poem)).body)).toMatch(/outside what I know/);

    const metrics = await ScrapedMetrics.from(base);
    expect(metrics.family('cfbot_turns_total').type).toBe('counter');
    expect(metrics.family('cfbot_turns_total').help).toMatch(/Turns handled/);
    expect(metrics.value('cfbot_turns_total', { platform: 'discord', input: 'command' })).toBe(2);
    expect(metrics.value('cfbot_turn_outcomes_total', { platform: 'discord', outcome: 'answered' })).toBe(1);
    expect(metrics.value('cfbot_turn_outcomes_total', { platform: 'discord', outcome: 'out_of_scope' })).toBe(1);
    expect(metrics.value('cfbot_answers_total', { page: 'error-1020' })).toBe(1);
    expect(metrics.value('cfbot_tree_starts_total', { tree: 'access-denied' })).toBe(1);
    expect(metrics.family('cfbot_turn_duration_seconds').type).toBe('histogram');
    expect(metrics.value('cfbot_turn_duration_seconds', { platform: 'discord' })).toBe(2);
    // Default process metrics, and no label carries what people typed.
    expect(metrics.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(metrics.families.has('nodejs_heap_size_used_bytes')).toBe(true);
    expect(metrics.labelValues().filter((v) => /penguin|1020 |poem/.test(v))).toEqual([]);
  });

  it('counts Discord rate-limit waits by door', async () => {
    fake.rest.rateLimitNext('PATCH /webhooks/:app/:token/messages/@original', 1, 0.3);
    const ask = fake.runsSlashCommand(alice, 'ask', { question: 'error 522' });
    await fake.firstMessageFor(ask);
    const metrics = await ScrapedMetrics.from(base);
    expect(metrics.value('cfbot_platform_rate_limit_waits_total', { door: 'discord' })).toBeGreaterThanOrEqual(1);
    expect(metrics.value('cfbot_platform_rate_limit_wait_seconds_total', { door: 'discord' })).toBeGreaterThan(0);
  });

  it('counts a failed Discord API call by door', async () => {
    const before = (await ScrapedMetrics.from(base)).value('cfbot_platform_api_errors_total', { door: 'discord' });
    fake.rest.failNext('PATCH /webhooks/:app/:token/messages/@original', 1, 403, { code: 50001, message: 'Missing Access' });
    const ask = fake.runsSlashCommand(bob, 'ask', { question: 'error 526' });
    await fake.callbackFor(ask);
    await fake.rest.waitFor('PATCH /webhooks/:app/:token/messages/@original', (r) => r.status === 403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await ScrapedMetrics.from(base)).value('cfbot_platform_api_errors_total', { door: 'discord' })).toBe(before + 1);
  });

  it('one info line per turn: door, outcome, page or tree, latency, a turn id and conversation key, never the question', () => {
    const turns = bot.logs.filter((l) => l.msg === 'turn');
    expect(turns.length).toBeGreaterThanOrEqual(3);
    const answered = turns.find((l) => l['page'] === 'error-1020');
    expect(answered).toMatchObject({ door: 'discord', outcome: 'answered', tree: 'access-denied', conversation: expect.stringMatching(/^discord:/), turn: expect.any(String) });
    expect(typeof answered?.['latencyMs']).toBe('number');
    expect(new Set(turns.map((l) => l['turn'])).size).toBe(turns.length);
    const info = bot.logs.filter((l) => l.level <= 30).map((l) => JSON.stringify(l));
    expect(info.filter((line) => /penguin/.test(line))).toEqual([]);
  });

  it('SIGTERM with a deferred /ask still waiting on a slow status page: the answer is delivered, then the process exits 0', async () => {
    const waiting = status.nextRequest();
    const ask = fake.runsSlashCommand(alice, 'ask', { question: 'is cloudflare down right now?' });
    await fake.callbackFor(ask); // deferred: Discord now waits for our follow-up
    await waiting;
    bot.signal('SIGTERM');
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    const delivered = fake.messagesFor(ask).filter((m) => m.via !== 'callback');
    expect(delivered.map((m) => textOf(m.body)).join('\n')).toMatch(/All Systems Operational/);
    expect(bot.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down: no new turns, finishing the ones in flight', 'shut down cleanly']));
  }, 30_000);
});
