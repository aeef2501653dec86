import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { loadConfig, type Config } from '../../src/config.ts';
import { commandDefinitions } from './commands/index.ts';

/** Registers the commands: to one guild when DISCORD_GUILD_ID is set (instant), else globally (may take up to an hour). */
export async function deployCommands(config: Config): Promise<{ count: number; scope: string }> {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_GUILD_ID: guildId } = config;
  if (!token || !applicationId) throw new Error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to deploy commands');
  const rest = new REST({ ...(config.DISCORD_API_URL && { api: config.DISCORD_API_URL }) }).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const body = commandDefinitions();
  await rest.put(route, { body });
  return { count: body.length, scope: guildId ? `guild ${guildId}` : 'global' };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  deployCommands(loadConfig())
    .then(({ count, scope }) => console.log(`Registered ${count} commands (${scope}).`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
