import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../fakes/discord/bot-under-test.ts';
import { world } from '../fakes/discord/world.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBotUnderTest();
});
afterAll(async () => {
  await bot?.stop();
});

describe('Discord door: an interaction delivered twice', () => {
  it('answers it once (a replay after a gateway resume is ignored)', async () => {
    const ask = bot.fake.runsSlashCommand(world.users.alice, 'ask', { question: 'error 1020' });
    await bot.fake.firstMessageFor(ask);
    bot.fake.gateway.dispatch('INTERACTION_CREATE', ask.json);
    // A later interaction is answered: the replay was seen and skipped, not still in flight.
    const later = bot.fake.runsSlashCommand(world.users.alice, 'ask', { question: 'error 522' });
    await bot.fake.firstMessageFor(later);
    const callbacks = bot.fake.rest.requests.filter((r) => r.method === 'POST' && r.path === `/interactions/${ask.id}/${ask.token}/callback`);
    expect(callbacks).toHaveLength(1);
    expect(bot.engine.turns.filter((t) => t.turn.input.kind === 'command' && t.turn.input.args['question'] === 'error 1020')).toHaveLength(1);
  });
});
