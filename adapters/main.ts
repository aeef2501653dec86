import { loadConfig, ConfigError } from '../src/config.ts';
import { createEngine } from '../src/engine.ts';
import { createLogger } from '../src/log.ts';

/**
 * `npm start`: every door whose credentials are present, sharing one engine;
 * with none, the terminal chat, so the bot works on a fresh machine.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const hasDiscord = Boolean(config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID);
  const hasSlack = Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN));
  if (!hasDiscord && !hasSlack) {
    const { run } = await import('./cli/commands/chat.ts');
    const { processIo } = await import('./cli/io.ts');
    process.exitCode = await run(process.argv.slice(2), processIo);
    return;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const engine = await createEngine({ config, logger });
  const stops: (() => Promise<void>)[] = [];
  if (hasDiscord) {
    const { startDiscord } = await import('./discord/start.ts');
    const discord = await startDiscord({ config, engine, logger });
    stops.push(() => discord.stop());
    logger.info('discord door started');
  }
  if (hasSlack) {
    const { startSlack } = await import('./slack/start.ts');
    const slack = await startSlack({ config, engine, logger });
    stops.push(() => slack.stop());
    logger.info({ port: config.PORT }, 'slack door started');
  }
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await Promise.allSettled(stops.map((stop) => stop()));
    await engine.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Start-up failed: ${message}\n`);
  process.exitCode = 1;
});
