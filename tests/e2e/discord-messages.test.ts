import { ChannelType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../fakes/discord/bot-under-test.ts';
import { inChannel } from '../fakes/discord/fake-discord.ts';
import { dmChannelId } from '../fakes/discord/rest-server.ts';
import { world, type FakeUser } from '../fakes/discord/world.ts';
import type { Turn } from '../../src/conversation/seam.ts';
import { renderReplies } from '../../adapters/discord/render.ts';

const { alice, bob, otherBot, bot: me } = world.users;
const { help, general, helpForum } = world.channels;

let bot: BotUnderTest;

/** Waits until the engine answered this user's message and every rendered message reached the conversation's thread. */
async function answered(user: FakeUser, text?: string): Promise<Turn> {
  const isIt = (t: Turn) => t.conversation.user === user.id && t.input.kind === 'text' && (text === undefined || t.input.text === text);
  await bot.fake.rest.waitUntil(() => bot.engine.turns.some((t) => isIt(t.turn)), 'an engine turn');
  const { turn, replies, at } = [...bot.engine.turns].reverse().find((t) => isIt(t.turn))!;
  const expected = Array.isArray(replies) ? renderReplies(replies).length : 1;
  const sentAfter = () => bot.fake.rest.matching(`POST /channels/${turn.conversation.id}/messages`).filter((r) => r.at >= at && r.status === 200);
  await bot.fake.rest.waitUntil(() => sentAfter().length >= expected, 'the answer in the thread');
  const sent = sentAfter();
  expect(sent.every((r) => JSON.stringify(r.body?.allowed_mentions) === '{"parse":[]}')).toBe(true);
  return turn;
}

beforeAll(async () => {
  bot = await startBotUnderTest();
});

afterAll(async () => {
  await bot?.stop();
});

describe('Discord door: mentions, help channels and forum posts', () => {
  it('answers a mention in a help channel in a new thread on the question, without the mention in the question', async () => {
    const question = bot.fake.postsMessage(alice, help, `<@${me.id}> getting error 1020 on my shop`);

    const thread = await bot.fake.rest.waitFor(`POST /channels/${help.id}/messages/${String(question.id)}/threads`);
    expect(String(thread.body?.name)).toBe('getting error 1020 on my shop');
    const answer = await bot.fake.rest.waitFor('POST /channels/:id/messages', (r) => r.path !== `/channels/${help.id}/messages` && Array.isArray(r.body?.embeds));
    expect(answer.body?.allowed_mentions).toEqual({ parse: [] });

    const turn = bot.engine.turns.at(-1)!.turn;
    expect(turn.input).toEqual({ kind: 'text', text: 'getting error 1020 on my shop' });
    // The conversation lives in the thread the answer went to.
    expect(answer.path).toBe(`/channels/${turn.conversation.id}/messages`);
  });

  it('continues the conversation in that thread: a mention and a button click there belong to it', async () => {
    bot.fake.postsMessage(bob, help, `<@${me.id}> error 1020 when I open my admin page`);
    await bot.fake.rest.waitFor('POST /channels/:id/messages/:id/threads', (r) => r.body?.name === 'error 1020 when I open my admin page');
    const threadId = (await answered(bob)).conversation.id;
    const thread = { id: threadId, type: ChannelType.PublicThread, parentId: help.id };
    const threadsBefore = bot.fake.rest.matching('POST /channels/:id/messages/:id/threads').length;

    bot.fake.postsMessage(bob, thread, `<@${me.id}> I am the site owner`);
    const next = await answered(bob, 'I am the site owner');
    expect(next.conversation.id).toBe(threadId);
    expect(bot.fake.rest.matching('POST /channels/:id/messages/:id/threads')).toHaveLength(threadsBefore);

    const click = bot.fake.clicksButton(alice, 'cfb1:c:solved:yes', undefined, inChannel(thread));
    await bot.fake.firstMessageFor(click);
    expect(bot.engine.turns.at(-1)!.turn).toMatchObject({ conversation: { id: threadId, user: alice.id }, input: { kind: 'choice', choiceId: 'solved:yes' } });
  });

  it('replies in the channel when a thread cannot be started', async () => {
    bot.fake.rest.failNext('POST /channels/:id/messages/:id/threads', 1, 403, { code: 50013, message: 'Missing Permissions' });
    const question = bot.fake.postsMessage(alice, help, `<@${me.id}> error 1020 again`);
    const reply = await bot.fake.rest.waitFor(`POST /channels/${help.id}/messages`, (r) => (r.body?.message_reference as { message_id?: string } | undefined)?.message_id === question.id);
    expect(Array.isArray(reply.body?.embeds)).toBe(true);
    expect(bot.engine.turns.at(-1)!.turn.conversation.id).toBe(`${help.id}:${alice.id}`);
  });

  it('ignores other bots and messages outside help channels', async () => {
    const turnsBefore = bot.engine.turns.length;
    bot.fake.postsMessage(otherBot, help, `<@${me.id}> error 1020`);
    bot.fake.postsMessage(bob, general, `<@${me.id}> error 1020`);
    bot.fake.postsMessage(bob, help, 'error 1020 without mentioning anyone');
    // A later mention that is answered proves the earlier ones were seen and skipped.
    bot.fake.postsMessage(bob, help, `<@${me.id}> still error 1020`);
    await bot.fake.rest.waitUntil(() => bot.engine.turns.length > turnsBefore, 'an engine turn');
    await bot.fake.rest.waitFor('POST /channels/:id/messages/:id/threads', (r) => r.body?.name === 'still error 1020');
    expect(bot.engine.turns.slice(turnsBefore).map((t) => t.turn.input)).toEqual([{ kind: 'text', text: 'still error 1020' }]);
  });

  it('auto-answers a new post in a help forum inside the post', async () => {
    const post = bot.fake.opensForumPost(bob, helpForum, 'Error 1020 on checkout', 'Customers get access denied on /checkout');
    const answer = await bot.fake.rest.waitFor(`POST /channels/${post.id}/messages`);
    expect(Array.isArray(answer.body?.embeds)).toBe(true);
    const turn = bot.engine.turns.at(-1)!.turn;
    expect(turn.conversation).toMatchObject({ id: post.id, user: bob.id });
    expect(turn.input).toEqual({ kind: 'text', text: 'Error 1020 on checkout\n\nCustomers get access denied on /checkout' });
  });

  it('answers a direct message privately, in a conversation of its own', async () => {
    bot.fake.sendsDirectMessage(alice, 'what does error 1020 mean?');
    const answer = await bot.fake.rest.waitFor(`POST /channels/${dmChannelId(alice.id)}/messages`);
    expect(Array.isArray(answer.body?.embeds)).toBe(true);
    expect(bot.engine.turns.at(-1)!.turn.conversation).toMatchObject({ id: `dm:${alice.id}`, user: alice.id });
  });

  it('keeps @everyone and role mentions in the text inert', async () => {
    bot.engine.answerNextWith([{ text: 'Ping @everyone and <@&900000000000000020> and <@900000000000000041>' }]);
    bot.fake.postsMessage(alice, help, `<@${me.id}> @everyone <@&900000000000000020> is my site down?`);
    const answer = await bot.fake.rest.waitFor('POST /channels/:id/messages', (r) => JSON.stringify(r.body?.embeds ?? '').includes('Ping @everyone'));
    expect(answer.body?.allowed_mentions).toEqual({ parse: [] });
  });
});
