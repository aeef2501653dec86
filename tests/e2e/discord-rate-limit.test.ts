import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../fakes/discord/bot-under-test.ts';
import { world } from '../fakes/discord/world.ts';

const { alice, bot: me } = world.users;
const { help } = world.channels;
const THREADS = 'POST /channels/:id/messages/:id/threads';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBotUnderTest({ RATE_LIMIT_USER_PER_MINUTE: '2' });
});
afterAll(async () => {
  await bot?.stop();
});

describe('Discord door: a person over the rate limit', () => {
  it('gets threads for answered questions, one notice in the channel, then silence, and no empty threads', async () => {
    for (let i = 1; i <= 4; i++) {
      const question = bot.fake.postsMessage(alice, help, `<@${me.id}> error 1020 on page ${i}`);
      // Polled: a silenced turn sends nothing the fake could wake a waiter with.
      for (const deadline = Date.now() + 8_000; bot.engine.turns.length < i; ) {
        if (Date.now() > deadline) throw new Error(`turn ${i} never reached the engine`);
        await new Promise((r) => setTimeout(r, 20));
      }
      if (i === 3) {
        const notice = await bot.fake.rest.waitFor(`POST /channels/${help.id}/messages`, (r) => (r.body?.message_reference as { message_id?: string } | undefined)?.message_id === question.id);
        expect(JSON.stringify(notice.body)).toMatch(/faster than I can help/);
      }
    }
    // The two answered questions have their threads; the notice and the silence opened none.
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.fake.rest.matching(THREADS)).toHaveLength(2);
    const refused = bot.engine.turns.slice(2).map((t) => t.replies);
    expect(refused[1]).toEqual([]);
  });
});
