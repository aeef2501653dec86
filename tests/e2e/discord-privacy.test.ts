import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../fakes/discord/bot-under-test.ts';
import { guildMessageJson } from '../fakes/discord/payloads.ts';
import { world } from '../fakes/discord/world.ts';
import { PAGE_521 } from '../support/pasted.ts';

/** The moderator channel is read by many: a visitor IP pasted by a user never reaches it. */
const { alice, mod } = world.users;
const moderatorChannel = world.channels.moderators;

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBotUnderTest();
});
afterAll(async () => {
  await bot?.stop();
});

describe('Discord door: privacy of a hand-off', () => {
  it('a moderator escalates a message holding a pasted error page with "Your IP:": the moderator channel gets the case without the IP', async () => {
    const message = guildMessageJson(alice, world.channels.general, `my shop is down, I get this\n${PAGE_521}`);
    const before = bot.fake.rest.requests.length;
    const escalate = bot.fake.usesMessageCommand(mod, 'Escalate to support', message);
    await bot.fake.firstMessageFor(escalate);
    await bot.fake.rest.waitFor(`POST /channels/${moderatorChannel.id}/messages`);
    const sent = JSON.stringify(bot.fake.rest.requests.slice(before).map((r) => r.body));
    expect(sent).toContain('8e8c1f2a9b3d4e5f');
    expect(sent).not.toContain('198.51.100.23');
    expect(JSON.stringify(bot.engine.handoffs.at(-1)?.handoff)).not.toContain('198.51.100.23');
  });
});
