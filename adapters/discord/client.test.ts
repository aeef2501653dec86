import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { discordIntents } from './client.ts';

describe('discordIntents', () => {
  it('asks for message content only when answering mentions is switched on', () => {
    const withoutMentions = discordIntents(loadConfig({}));
    expect(withoutMentions).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages]);
    expect(discordIntents(loadConfig({ DISCORD_ANSWER_MENTIONS: 'true' }))).toContain(GatewayIntentBits.MessageContent);
  });
});
