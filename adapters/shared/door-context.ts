import type { Config } from '../../src/config.ts';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import type { Logger } from '../../src/log.ts';
import type { BotMetrics } from '../../src/metrics/bot-metrics.ts';
import type { SharedMemo } from '../../src/store/shared-memo.ts';
import type { OperatorServer } from '../http/operator-server.ts';

/** What every listener of every door is given; a door adds its own platform pieces on top. */
export type DoorContext = {
  config: Config;
  engine: SupportEngine;
  logger: Logger;
  /** Shared with every process of the bot when REDIS_URL is set: delivery ids, caches. */
  memo: SharedMemo;
};

/** What the process hands a door when it starts it. */
export type StartDoorOptions = {
  config: Config;
  engine: SupportEngine;
  logger: Logger;
  /** Shared de-duplication and caches (openBackend); defaults to this process's memory. */
  memo?: SharedMemo;
  /** The process's HTTP server (health, metrics): /readyz waits for the door. */
  server?: OperatorServer;
  /** The process's metrics; without them the door keeps its own. */
  metrics?: BotMetrics;
};
