import { ConfigError, enabledDoors, loadConfig, loadDotEnv } from '../src/config.ts';
import { createEngine } from '../src/engine.ts';
import { createLogger } from '../src/log.ts';
import { addEngineChecks } from './http/engine-checks.ts';
import { startOperatorServer } from './http/operator-server.ts';
import { handleSignals } from './lifecycle/signals.ts';
import { watchKnowledge } from './lifecycle/watch-knowledge.ts';

/** How long in-flight turns get to finish after SIGTERM/SIGINT. */
const DRAIN_MS = 10_000;

/**
 * `npm start`: every enabled door (DOORS, or every door whose credentials are set), sharing one
 * engine, one metrics registry and one HTTP server on PORT; with none, the terminal chat, so the
 * bot works on a fresh machine.
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
  // prom-client loads only where metrics are served, not for the terminal chat.
  const { createBotMetrics } = await import('../src/metrics/bot-metrics.ts');
  const metrics = createBotMetrics();
  const engine = await createEngine({ config, logger, metrics });
  const server = await startOperatorServer({ port: config.PORT, host: config.HOST, registry: metrics.registry, logger });
  addEngineChecks(server, engine);
  logger.info({ port: server.port, doors }, 'health, readiness and metrics on /healthz, /readyz, /metrics');

  const stops: ((drainMs: number) => Promise<void>)[] = [];
  if (doors.includes('discord')) {
    const { startDiscord } = await import('./discord/start.ts');
    const discord = await startDiscord({ config, engine, logger, server, metrics });
    stops.push((ms) => discord.stop(ms));
  }
  if (doors.includes('slack')) {
    const { startSlack } = await import('./slack/start.ts');
    const slack = await startSlack({ config, engine, logger, server, metrics });
    stops.push((ms) => slack.stop(ms));
  }
  const unwatch = config.KNOWLEDGE_WATCH ? watchKnowledge(config.KNOWLEDGE_DIR, () => engine.reloadKnowledge(), logger) : () => {};
  handleSignals({
    logger,
    reload: () => engine.reloadKnowledge(),
    async shutdown() {
      unwatch();
      server.drain();
      await Promise.allSettled(stops.map((stop) => stop(DRAIN_MS)));
      await engine.close();
      await server.close();
    },
  });
  logger.info({ doors, port: server.port, knowledgeWatch: config.KNOWLEDGE_WATCH }, 'started');
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Start-up failed: ${message}\n`);
  process.exitCode = 1;
  // A door half-started (sockets, timers) must not keep a failed start-up alive.
  setTimeout(() => process.exit(1), 1_000).unref();
});
