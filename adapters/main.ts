import cluster from 'node:cluster';
import { hostname } from 'node:os';
import { ConfigError, enabledDoors, loadConfig, loadDotEnv, type Config } from '../src/config.ts';
import { createEngine, openConfiguredBackend, type RunningEngine } from '../src/create-engine.ts';
import { createLogger, type Logger } from '../src/log.ts';
import type { BotMetrics } from '../src/metrics/bot-metrics.ts';
import { holdLease } from '../src/store/lease.ts';
import type { Backend } from '../src/store/open-store.ts';
import { addEngineChecks } from './http/engine-checks.ts';
import { mergedMetrics } from '../src/metrics/merged-metrics.ts';
import { startOperatorServer, type OperatorServer } from './http/operator-server.ts';
import { handleSignals } from './lifecycle/signals.ts';
import { watchKnowledge } from './lifecycle/watch-knowledge.ts';

/** How long in-flight turns get to finish after SIGTERM/SIGINT. */
const DRAIN_MS = 10_000;

type Stop = (drainMs: number) => Promise<void>;

/**
 * `npm start`: every enabled door (DOORS, or every door whose credentials are set), sharing one
 * engine, one store backend, one metrics registry and one HTTP server on PORT; with none, the
 * terminal chat, so the bot works on a fresh machine. WORKERS=N runs N such processes
 * (adapters/cluster-primary.ts).
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const doors = enabledDoors(config);
  if (!doors.length) {
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
  // prom-client loads only where metrics are served, not for the terminal chat.
  const { createBotMetrics } = await import('../src/metrics/bot-metrics.ts');
  const metrics = createBotMetrics();
  const backend = await openConfiguredBackend(config, logger);
  const engine = await createEngine({ config, logger, metrics, backend });
  // Slack's turns run on their own thread, so the door's loop stays free for acks (adapters/engine-thread/).
  const engineThread = doors.includes('slack') && config.ENGINE_THREAD
    ? await (await import('./engine-thread/engine-thread.ts')).startEngineThread({ main: engine, logger })
    : undefined;
  const registry = engineThread ? mergedMetrics(metrics.registry, () => engineThread.metrics(), ['cfbot_knowledge_reloads_total']) : metrics.registry;
  const server = await startOperatorServer({ port: config.PORT, host: config.HOST, registry, logger });
  addEngineChecks(server, engine);
  logger.info({ port: server.port, doors }, 'health, readiness and metrics on /healthz, /readyz, /metrics');

  const stops: Stop[] = [];
  if (doors.includes('slack')) {
    const { startSlack } = await import('./slack/start.ts');
    const { THREADED_ANSWER_QUEUE } = await import('./slack/door.ts');
    const slack = await startSlack({ config, engine: engineThread?.engine ?? engine, logger, server, metrics, memo: backend.memo, ...(engineThread ? { answerQueue: THREADED_ANSWER_QUEUE } : {}) });
    stops.push((ms) => slack.stop(ms));
  }
  if (doors.includes('discord')) stops.push(await startDiscordDoor({ config, engine, backend, logger, server, metrics }));
  // Both engines reload; the main one's result is the one reported (they read the same files).
  const reloadKnowledge = async () => {
    const result = await engine.reloadKnowledge();
    await engineThread?.reloadKnowledge().catch((error: unknown) => logger.error({ err: error }, 'engine thread reload failed'));
    return result;
  };
  const unwatch = config.KNOWLEDGE_WATCH ? watchKnowledge(config.KNOWLEDGE_DIR, reloadKnowledge, logger) : () => {};
  handleSignals({
    logger,
    reload: reloadKnowledge,
    async shutdown() {
      unwatch();
      server.drain();
      await Promise.allSettled(stops.map((stop) => stop(DRAIN_MS)));
      await engineThread?.close();
      await engine.close();
      await server.close();
    },
  });
  logger.info({ doors, port: server.port, knowledgeWatch: config.KNOWLEDGE_WATCH }, 'started');
}

type DiscordDoorDeps = { config: Config; engine: RunningEngine; backend: Backend; logger: Logger; server: OperatorServer; metrics: BotMetrics };

/**
 * Discord allows one gateway connection per bot token (without sharding). Alone, this process
 * connects. Sharing Redis with other processes (WORKERS, compose replicas), the one holding the
 * `cfbot:lease:discord-gateway` key connects and renews it; the others keep trying, and one of
 * them takes over within 15 s if the holder dies. The Slack door runs in every process.
 */
async function startDiscordDoor({ config, engine, backend, logger, server, metrics }: DiscordDoorDeps): Promise<Stop> {
  const { startDiscord } = await import('./discord/start.ts');
  const start = () => startDiscord({ config, engine, logger, server, metrics, memo: backend.memo });
  if (!backend.redis) {
    const discord = await start();
    logger.info('discord door started');
    return (ms) => discord.stop(ms);
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
      await discord?.stop(DRAIN_MS);
      discord = undefined;
    },
  });
  // Releasing the lease stops the door (onLost), letting deferred interactions finish first.
  return () => lease.stop();
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Start-up failed: ${message}\n`);
  process.exitCode = 1;
  // A door half-started (sockets, timers) must not keep a failed start-up alive.
  setTimeout(() => process.exit(1), 1_000).unref();
});
