import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/commands/index.ts';
import { deployCommands } from '../../adapters/discord/deploy-commands.ts';
import { loadConfig } from '../../src/config.ts';
import { FakeDiscord } from '../fakes/discord/fake-discord.ts';
import { world } from '../fakes/discord/world.ts';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await new FakeDiscord().start();
});

afterAll(async () => {
  await fake?.stop();
});

const env = () => ({ DISCORD_TOKEN: 'fake-token', DISCORD_APPLICATION_ID: world.applicationId, DISCORD_API_URL: fake.apiUrl });

describe('npm run discord:deploy', () => {
  it('registers every command in the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await deployCommands(loadConfig({ ...env(), DISCORD_GUILD_ID: world.guild.id }));
    const put = await fake.rest.waitFor(`PUT /applications/${world.applicationId}/guilds/${world.guild.id}/commands`);
    const names = (put.body as unknown as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(['ask', 'troubleshoot', 'escalate', 'handoff', 'Escalate to support']);
    expect(result).toEqual({ count: 5, scope: `guild ${world.guild.id}` });
  });

  it('registers globally without a guild', async () => {
    await deployCommands(loadConfig(env()));
    const put = await fake.rest.waitFor(`PUT /applications/${world.applicationId}/commands`);
    expect(put.body).toEqual(commandDefinitions());
  });
});
