import cluster from 'node:cluster';
import { hostname } from 'node:os';
import { loadConfig, ConfigError, type Config } from '../src/config.ts';
import { createEngine, openConfiguredBackend } from '../src/engine.ts';
import { createLogger, type Logger } from '../src/log.ts';
import type { SupportEngine } from '../src/conversation/seam.ts';
import type { Backend } from '../src/store/open-store.ts';
import { holdLease } from '../src/store/lease.ts';

/**
 * `npm start`: every door whose credentials are present, sharing one engine;
 * with none, the terminal chat, so the bot works on a fresh machine.
 * WORKERS=N runs N such processes (adapters/cluster-primary.ts).
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
  if (config.WORKERS > 1 && cluster.isPrimary) {
    const { superviseWorkers } = await import('./cluster-primary.ts');
    superviseWorkers(config, logger);
    return;
  }
  const backend = await openConfiguredBackend(config, logger);
  const engine = await createEngine({ config, logger, backend });
  const stops: (() => Promise<void>)[] = [];
  if (hasSlack) {
    const { startSlack } = await import('./slack/start.ts');
    const slack = await startSlack({ config, engine, logger, memo: backend.memo });
    stops.push(() => slack.stop());
    logger.info({ port: config.PORT }, 'slack door started');
  }
  if (hasDiscord) stops.push(await startDiscordDoor(config, engine, backend, logger));
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await Promise.allSettled(stops.map((stop) => stop()));
    await engine.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Discord allows one gateway connection per bot token (without sharding). Alone, this process
 * connects. Sharing Redis with other processes (WORKERS, compose replicas), the one holding the
 * `cfbot:lease:discord-gateway` key connects and renews it; the others keep trying, and one of
 * them takes over within 15 s if the holder dies. The Slack door runs in every process.
 */
async function startDiscordDoor(config: Config, engine: SupportEngine, backend: Backend, logger: Logger): Promise<() => Promise<void>> {
  const { startDiscord } = await import('./discord/start.ts');
  const start = () => startDiscord({ config, engine, logger, memo: backend.memo });
  if (!backend.redis) {
    const discord = await start();
    logger.info('discord door started');
    return () => discord.stop();
  }
  let discord: Awaited<ReturnType<typeof start>> | undefined;
  const lease = holdLease({
    redis: backend.redis.client,
    key: `${backend.redis.keyPrefix}lease:discord-gateway`,
    holder: `${hostname()}:${process.pid}`,
    logger,
    onAcquired: async () => {
      discord = await start();
      logger.info('discord door started (this process holds the gateway lease)');
    },
    onLost: async () => {
      await discord?.stop();
      discord = undefined;
    },
  });
  return () => lease.stop();
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Start-up failed: ${message}\n`);
  process.exitCode = 1;
});
