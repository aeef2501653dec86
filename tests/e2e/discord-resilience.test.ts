import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../fakes/discord/bot-under-test.ts';
import type { Json } from '../fakes/discord/payloads.ts';
import { world } from '../fakes/discord/world.ts';

const { alice, bob } = world.users;
const apology = 'Sorry, something went wrong on my side while answering. Please try again in a minute.';
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let bot: BotUnderTest;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  bot = await startBotUnderTest();
});

afterAll(async () => {
  await bot?.stop();
  process.off('unhandledRejection', onUnhandled);
});

describe('Discord door: resilience', () => {
  it('acknowledges an interaction before the engine has answered (Discord gives 3 s)', async () => {
    const held = bot.engine.holdNext([{ text: 'Here is the answer after a slow think.' }]);
    const ask = bot.fake.runsSlashCommand(alice, 'ask', { question: 'slow one' });
    const ack = await bot.fake.callbackFor(ask, 2500);
    expect(ack.body?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(bot.fake.messagesFor(ask)).toEqual([]);
    held.release();
    const answer = await bot.fake.firstMessageFor(ask);
    expect(JSON.stringify(answer.body.embeds)).toContain('after a slow think');
  });

  it('waits out a 429 with retry_after and still delivers the answer', async () => {
    bot.fake.rest.rateLimitNext('PATCH /webhooks/:app/:token/messages/@original', 1, 1);
    const ask = bot.fake.runsSlashCommand(alice, 'ask', { question: 'error 1020' });
    const answer = await bot.fake.firstMessageFor(ask);
    const edits = bot.fake.rest.requests.filter((r) => r.method === 'PATCH' && r.path.includes(ask.token));
    expect(edits).toHaveLength(2);
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(950);
    expect(edits.map((e) => e.status)).toEqual([429, 200]);
    expect(answer.request).toBe(edits[1]);
    expect(answer.body.embeds).toEqual(edits[0]!.body?.embeds);
  });

  it('resumes the session after the gateway asks it to reconnect (op 7) and keeps answering', async () => {
    await bot.fake.gateway.requestReconnect();
    expect(bot.fake.gateway.resumes).toBe(1);
    expect(bot.fake.gateway.identifies).toBe(1);
    const ask = bot.fake.runsSlashCommand(bob, 'ask', { question: 'error 1020 after reconnect' });
    const answer = await bot.fake.firstMessageFor(ask);
    // The answer is the 1020 one, not just any embed: its title and its cited page say so.
    const embeds = answer.body.embeds as { title?: string; fields?: { name: string; value: string }[] }[];
    expect(embeds[0]?.title).toMatch(/1020/);
    const sources = embeds.flatMap((e) => e.fields ?? []).find((f) => f.name === 'Sources')?.value ?? '';
    expect(sources).toMatch(/\]\(https:\/\/developers\.cloudflare\.com\/[^)]*error-1020[^)]*\)/);
  });

  it('apologises briefly and logs when the engine fails on a question', async () => {
    bot.engine.failNext(new Error('knowledge index exploded'));
    const ask = bot.fake.runsSlashCommand(alice, 'ask', { question: 'error 1020' });
    const answer = await bot.fake.firstMessageFor(ask);
    expect(answer.body.content).toBe(apology);
    expect(bot.logs.some((l) => l.level >= 50 && l.msg === 'engine turn failed')).toBe(true);
  });

  it('apologises privately, leaving the message as it was, when the engine fails on a button', async () => {
    bot.engine.failNext(new Error('flow store unavailable'));
    const click = bot.fake.clicksButton(alice, 'cfb1:c:solved:no');
    const answer = await bot.fake.firstMessageFor(click);
    expect(answer.via).toBe('followUp');
    expect(answer.body.content).toBe(apology);
    expect(Number((answer.body as Json).flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(bot.fake.messagesFor(click).filter((m) => m.via === 'edit')).toEqual([]);
  });

  it('left no unhandled promise rejection behind', () => {
    expect(unhandled).toEqual([]);
  });
});
