import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Config } from '../../src/config.ts';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import type { Logger } from '../../src/log.ts';
import type { SharedMemo } from '../../src/store/shared-memo.ts';
import { boltLoggerFrom } from './bolt-logger.ts';
import { createSlackDoor, type AnswerQueueSize, type SlackDoor } from './door.ts';
import { registerListeners } from './listeners/index.ts';
import { operatorRoutes, serveOperatorRoutes } from './operator-routes.ts';

export type StartSlackOptions = {
  config: Config;
  engine: SupportEngine;
  logger: Logger;
  /** Shared de-duplication and caches (openBackend); defaults to this process's memory. */
  memo?: SharedMemo;
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
  door: SlackDoor;
  /** The HTTP port actually bound (events, /healthz, /metrics). */
  port: number;
  /** Resolves once every acked request has finished its follow-up work. */
  idle(): Promise<void>;
  stop(): Promise<void>;
};

// The Web API default retries for about 30 minutes; an answer that late is worse than a logged failure.
const DEFAULT_RETRIES: webApi.RetryOptions = { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 10_000 };

function slackClientOptions(config: Config, retryConfig: webApi.RetryOptions): webApi.WebClientOptions {
  return {
    retryConfig,
    // Honour Retry-After on 429 by waiting and retrying rather than failing the call.
    rejectRateLimitedCalls: false,
    // Method names only: nothing can turn a call into a request to another host.
    allowAbsoluteUrls: false,
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/` } : {}),
  };
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required to start the Slack door`);
  return value;
}

/**
 * The Slack door: Bolt over HTTP at /slack/events on PORT (with /healthz and
 * /metrics beside it), or over Socket Mode when SLACK_APP_TOKEN is set. Owns
 * no globals, so it can run in the same process as the Discord door.
 */
export async function startSlack(options: StartSlackOptions): Promise<RunningSlackDoor> {
  const { config } = options;
  const token = required(config.SLACK_BOT_TOKEN, 'SLACK_BOT_TOKEN');
  const door = createSlackDoor({ engine: options.engine, config, logger: options.logger, ...(options.memo ? { memo: options.memo } : {}), ...(options.answerQueue ? { answerQueue: options.answerQueue } : {}) });
  const logger = boltLoggerFrom(door.logger);
  const clientOptions = slackClientOptions(config, options.retryConfig ?? DEFAULT_RETRIES);
  const customRoutes = operatorRoutes(door.metrics);
  const port = options.port ?? config.PORT;

  const receiver = config.SLACK_APP_TOKEN
    ? { mode: 'socket' as const, socket: new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger, installerOptions: { clientOptions } }) }
    : {
        mode: 'http' as const,
        http: new HTTPReceiver({
          signingSecret: required(config.SLACK_SIGNING_SECRET, 'SLACK_SIGNING_SECRET'),
          endpoints: '/slack/events',
          customRoutes,
          logger,
          // Ack before the work: Slack wants a response within 3 s and retries otherwise.
          processBeforeResponse: false,
        }),
      };

  const app = new App({ token, receiver: receiver.mode === 'socket' ? receiver.socket : receiver.http, logger, clientOptions, deferInitialization: true });
  registerListeners(app, door);
  // auth.test happens here: a bad token fails start-up instead of the first event.
  await app.init();

  const listenOn = options.host ? { port, host: options.host } : { port };
  const server = receiver.mode === 'http' ? await receiver.http.start(listenOn) : await serveOperatorRoutes(customRoutes, port, options.host);
  if (receiver.mode === 'socket') await receiver.socket.start();
  const boundPort = (server.address() as AddressInfo).port;
  door.logger.info({ port: boundPort, mode: receiver.mode }, 'Slack door listening');

  return {
    app,
    door,
    port: boundPort,
    idle: () => door.inFlight.settled(),
    async stop() {
      await door.inFlight.settled();
      door.answers.stop();
      await app.stop();
      // HTTPReceiver closes its own server; the Socket Mode probe server is ours to close.
      if (receiver.mode === 'socket') await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
