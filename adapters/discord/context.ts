import type { Config } from '../../src/config.ts';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import type { Logger } from '../../src/log.ts';
import type { SharedMemo } from '../../src/store/shared-memo.ts';

/** What every command and listener of the Discord door is given. */
export type DoorContext = {
  config: Config;
  engine: SupportEngine;
  logger: Logger;
  /** Interaction ids already taken, shared by every process when REDIS_URL is set. */
  memo: SharedMemo;
};
