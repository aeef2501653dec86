import { ButtonStyle, InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../fakes/discord/bot-under-test.ts';
import { guildMessageJson, type Json } from '../fakes/discord/payloads.ts';
import { dmChannelId, type RecordedRequest } from '../fakes/discord/rest-server.ts';
import { world } from '../fakes/discord/world.ts';

const { alice, bob, mod } = world.users;
const moderatorChannel = world.channels.moderators;

type Row = { components: { style: number; url?: string }[] };
const textOf = (r: RecordedRequest) => JSON.stringify([r.body?.content, r.body?.embeds]);
const linkButtons = (r: RecordedRequest) => ((r.body?.components ?? []) as Row[]).flatMap((row) => row.components).filter((b) => b.style === ButtonStyle.Link);

let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBotUnderTest();
});

afterAll(async () => {
  await bot?.stop();
});

describe('Discord door: moderator hand-off', () => {
  it('/handoff by a moderator posts the case to the moderator channel, tells the user privately and confirms to the moderator', async () => {
    const ask = bot.fake.runsSlashCommand(alice, 'ask', { question: 'error 1020 on my site' });
    await bot.fake.firstMessageFor(ask);

    const handoff = bot.fake.runsSlashCommand(mod, 'handoff', { user: { user: alice } });
    const ack = await bot.fake.callbackFor(handoff);
    expect(Number((ack.body?.data as Json).flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

    const posted = await bot.fake.rest.waitFor(`POST /channels/${moderatorChannel.id}/messages`);
    const { request, handoff: built } = bot.engine.handoffs.at(-1)!;
    expect(request).toMatchObject({ platform: 'discord', user: alice.id, requestedBy: mod.id });
    expect(textOf(posted)).toContain(`<@${alice.id}>`);
    expect(textOf(posted)).toContain(JSON.stringify(built.escalation.summary.split('\n')[0]).slice(1, -1));
    expect(linkButtons(posted)[0]?.url).toBe(built.escalation.url);

    // The conversation so far goes along, so nobody has to ask the user again.
    expect(built.transcript.length).toBeGreaterThan(0);
    const transcript = await bot.fake.rest.waitFor(`POST /channels/${moderatorChannel.id}/messages`, (r) => textOf(r).includes('"title":"Transcript"'));
    expect(textOf(transcript)).toContain('error 1020 on my site');

    const dmOpened = await bot.fake.rest.waitFor('POST /users/@me/channels');
    expect(dmOpened.body?.recipient_id).toBe(alice.id);
    const dm = await bot.fake.rest.waitFor(`POST /channels/${dmChannelId(alice.id)}/messages`);
    expect(String(dm.body?.content)).toContain('What happens next');

    const confirmation = await bot.fake.firstMessageFor(handoff);
    expect(String(confirmation.body.content)).toContain('told privately');
    expect(String(confirmation.body.content)).toContain(`<#${moderatorChannel.id}>`);
  });

  it('refuses /handoff from someone who is not a moderator, privately, without building a case', async () => {
    const before = bot.engine.handoffs.length;
    const attempt = bot.fake.runsSlashCommand(bob, 'handoff', { user: { user: alice } });
    const reply = await bot.fake.callbackFor(attempt);
    expect(reply.body?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = reply.body?.data as Json;
    expect(data.content).toBe('Only moderators can hand a conversation to support.');
    expect(Number(data.flags) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(bot.engine.handoffs.length).toBe(before);
  });

  it('lets a member with Manage Threads hand off, and tells them when the user cannot be DMed', async () => {
    bot.fake.rest.failNext(`POST /channels/${dmChannelId(alice.id)}/messages`, 1, 403, { code: 50007, message: 'Cannot send messages to this user' });
    const handoff = bot.fake.runsSlashCommand(bob, 'handoff', { user: { user: alice } }, undefined, PermissionFlagsBits.ManageThreads);
    const confirmation = await bot.fake.firstMessageFor(handoff);
    expect(String(confirmation.body.content)).toContain(`I could not DM <@${alice.id}>`);
    expect(bot.engine.handoffs.at(-1)?.request.requestedBy).toBe(bob.id);
  });

  it('"Escalate to support" on a message hands off its author with the message text', async () => {
    const message = guildMessageJson(bob, world.channels.general, 'my site shows error 522 since this morning');
    const postsBefore = bot.fake.rest.matching(`POST /channels/${moderatorChannel.id}/messages`).length;
    const escalate = bot.fake.usesMessageCommand(mod, 'Escalate to support', message);
    await bot.fake.firstMessageFor(escalate);

    expect(bot.engine.handoffs.at(-1)?.request).toMatchObject({ user: bob.id, requestedBy: mod.id, messageText: 'my site shows error 522 since this morning' });
    const posts = bot.fake.rest.matching(`POST /channels/${moderatorChannel.id}/messages`).slice(postsBefore);
    expect(posts.length).toBeGreaterThan(0);
    expect(textOf(posts[0]!)).toContain(`<@${bob.id}>`);
  });

  it('refuses "Escalate to support" from a non-moderator', async () => {
    const message = guildMessageJson(alice, world.channels.general, 'help');
    const attempt = bot.fake.usesMessageCommand(bob, 'Escalate to support', message);
    const reply = await bot.fake.callbackFor(attempt);
    expect((reply.body?.data as Json).content).toBe('Only moderators can hand a conversation to support.');
  });
});
