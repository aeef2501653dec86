import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Config } from '../../src/config.ts';
import type { StartDoorOptions } from '../shared/door-context.ts';
import { boltLoggerFrom } from './bolt-logger.ts';
import { createSlackDoor, type AnswerQueueSize, type SlackDoorContext } from './door.ts';
import { registerListeners } from './listeners/index.ts';
import { createBotMetrics } from '../../src/metrics/bot-metrics.ts';
import { startOperatorServer } from '../http/operator-server.ts';
import { registerSlackMetrics } from './metrics.ts';
import { guardSlackRequests } from './request-guard.ts';
import { Agent } from 'undici';
import { undiciTransport } from './undici-transport.ts';
import { createChatPoster } from './chat-poster.ts';

/** Without `server` the door starts its own on `port`; without `metrics` it keeps its own registry. */
export type StartSlackOptions = StartDoorOptions & {
  /** Tests shrink it to show shedding. */
  answerQueue?: AnswerQueueSize;
  /** Defaults to config.PORT; 0 picks a free port (tests). */
  port?: number;
  /** Defaults to all interfaces; tests bind 127.0.0.1. */
  host?: string;
  /** Web API retries. A 429 wait counts as one retry, so keep at least 1 for Retry-After to be honoured. */
  retryConfig?: webApi.RetryOptions;
};

export type RunningSlackDoor = {
  app: App;
  door: SlackDoorContext;
  /** The HTTP port actually bound (events, /healthz, /readyz, /metrics). */
  port: number;
  /** Resolves once every acked request has finished its follow-up work. */
  idle(): Promise<void>;
  /** Stops taking events, lets acked work finish (at most `drainMs`, default 10 s), then disconnects. */
  stop(drainMs?: number): Promise<void>;
};

// The Web API default retries for about 30 minutes; an answer that late is worse than a logged failure.
const DEFAULT_RETRIES: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 10_000 };

function slackClientOptions(config: Config, retryConfig: webApi.RetryOptions, transport: Agent): webApi.WebClientOptions {
  return {
    retryConfig,
    // Web API calls over undici (adapters/slack/undici-transport.ts): the same client, a cheaper transport.
    adapter: undiciTransport(transport),
    // Honour Retry-After on 429 by waiting and retrying rather than failing the call.
    rejectRateLimitedCalls: false,
    // Method names only: nothing can turn a call into a request to another host.
    allowAbsoluteUrls: false,
    slackApiUrl: slackApiUrl(config),
  };
}

/** SLACK_API_URL (a local fake in tests) or Slack's own, always ending in a slash. */
function slackApiUrl(config: Config): string {
  const url = config.SLACK_API_URL ?? 'https://slack.com/api/';
  return url.endsWith('/') ? url : `${url}/`;
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required to start the Slack door`);
  return value;
}

/**
 * The Slack door: Bolt over HTTP at /slack/events on the process's shared
 * server (beside /healthz, /readyz and /metrics), or over Socket Mode when
 * SLACK_APP_TOKEN is set. Owns
 * no globals, so it can run in the same process as the Discord door.
 */
export async function startSlack(options: StartSlackOptions): Promise<RunningSlackDoor> {
  const { config } = options;
  const token = required(config.SLACK_BOT_TOKEN, 'SLACK_BOT_TOKEN');
  const metrics = options.metrics ?? createBotMetrics({ defaultMetrics: false });
  const onRateLimited = (seconds: number) => {
    metrics.rateLimitWaits.inc({ door: 'slack' });
    metrics.rateLimitWaitSeconds.inc({ door: 'slack' }, seconds);
  };
  // One keep-alive pool for every Web API call this door makes, closed with the door.
  const transport = new Agent({ connections: 64, keepAliveTimeout: 30_000 });
  const retryConfig = options.retryConfig ?? DEFAULT_RETRIES;
  const postMessage = createChatPoster({
    apiUrl: slackApiUrl(config),
    token,
    dispatcher: transport,
    retries: retryConfig.retries ?? 0,
    minBackoffMs: retryConfig.minTimeout ?? 500,
    maxBackoffMs: retryConfig.maxTimeout ?? 10_000,
    onRateLimited,
  });
  const door = createSlackDoor({ engine: options.engine, config, logger: options.logger, postMessage, ...(options.memo ? { memo: options.memo } : {}), ...(options.answerQueue ? { answerQueue: options.answerQueue } : {}) });
  const logger = boltLoggerFrom(door.logger, { onRateLimited });
  let errorsSeen = 0;
  registerSlackMetrics(metrics.registry, door.metrics, (errors) => {
    metrics.apiErrors.inc({ door: 'slack' }, errors - errorsSeen);
    errorsSeen = errors;
  });
  const clientOptions = slackClientOptions(config, retryConfig, transport);
  const server = options.server ?? (await startOperatorServer({ port: options.port ?? config.PORT, host: options.host, registry: metrics.registry, logger: door.logger }));

  const receiver = config.SLACK_APP_TOKEN
    ? { mode: 'socket' as const, socket: new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger, installerOptions: { clientOptions } }) }
    : {
        mode: 'http' as const,
        http: new HTTPReceiver({
          signingSecret: required(config.SLACK_SIGNING_SECRET, 'SLACK_SIGNING_SECRET'),
          endpoints: '/slack/events',
          logger,
          // Ack before the work: Slack wants a response within 3 s and retries otherwise.
          processBeforeResponse: false,
        }),
      };

  // Size, clock and body checks before Bolt sees a request (a signed `null` body crashes Bolt).
  if (receiver.mode === 'http') guardSlackRequests(receiver.http, { signingSecret: required(config.SLACK_SIGNING_SECRET, 'SLACK_SIGNING_SECRET'), logger: door.logger });
  // convoStore off: conversations live in the engine's store, and Bolt's own per-event lookup is pure cost.
  const app = new App({ token, receiver: receiver.mode === 'socket' ? receiver.socket : receiver.http, logger, clientOptions, deferInitialization: true, convoStore: false });
  registerListeners(app, door);
  // auth.test happens here: a bad token fails start-up instead of the first event.
  await app.init();

  let connected = true;
  if (receiver.mode === 'http') {
    // The shared server routes /slack/events to Bolt: one PORT for events, health and metrics.
    server.mount('/slack/events', receiver.http.requestListener);
  } else {
    const socket = receiver.socket.client;
    socket.on('connected', () => (connected = true));
    socket.on('reconnecting', () => (connected = false));
    socket.on('disconnected', () => (connected = false));
    await receiver.socket.start();
  }
  server.addCheck('slack', () => connected || 'Slack Socket Mode connection down');
  door.logger.info({ port: server.port, mode: receiver.mode }, 'Slack door listening');

  return {
    app,
    door,
    port: server.port,
    idle: () => door.inFlight.settled(),
    async stop(drainMs = 10_000) {
      if (receiver.mode === 'http') server.unmount('/slack/events');
      else await receiver.socket.client.disconnect().catch(() => {});
      await door.inFlight.settled(drainMs);
      door.answers.stop();
      connected = false;
      if (receiver.mode === 'socket') await app.stop().catch(() => {});
      if (!options.server) await server.close();
      await transport.close();
    },
  };
}
