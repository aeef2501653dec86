import { join } from 'node:path';
import type { Config } from './config.ts';
import { ConversationEngine } from './conversation/engine.ts';
import type { SupportEngine } from './conversation/seam.ts';
import { loadEngineKnowledge } from './engine-knowledge.ts';
import type { Diagnostics } from './conversation/diagnostics-replies.ts';
import { checkUrl, createCachedStatus } from './diagnostics/index.ts';
import { loadSupportConfig } from './escalation/support-config.ts';
import { createLogger, type Logger } from './log.ts';
import { TokenBucketRateLimiter } from './safety/rate-limit.ts';
import { openStore } from './store/open-store.ts';

export type EngineOptions = {
  config: Config;
  logger?: Logger;
  /** 'memory' for tests; default 'sqlite' under config.DATA_DIR. */
  store?: 'memory' | 'sqlite';
  /** Pinned clock for tests of expiry. */
  clock?: () => Date;
  /** Tests only: let URL checks reach 127.0.0.1 fakes. Production always refuses private addresses. */
  allowPrivateUrlChecks?: boolean;
};

/** Loads and validates all knowledge (a broken file throws, naming itself), opens the store, returns the engine. */
export async function createEngine(options: EngineOptions): Promise<SupportEngine> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const knowledge = loadEngineKnowledge(config.KNOWLEDGE_DIR);
  const support = loadSupportConfig(join(config.KNOWLEDGE_DIR, 'support.yaml'));
  const store = await openStore({ kind: options.store ?? 'sqlite', dataDir: config.DATA_DIR, logger });
  const limiter = new TokenBucketRateLimiter({ limit: 30, windowMs: 60_000 });
  const diagnostics: Diagnostics = {
    ...(config.STATUS_PAGE_URL ? { status: createCachedStatus({ baseUrl: config.STATUS_PAGE_URL }) } : {}),
    ...(config.URL_CHECKS ? { checkUrl: (url: string) => checkUrl(url, { allowPrivateAddresses: options.allowPrivateUrlChecks === true }) } : {}),
  };
  return new ConversationEngine({
    knowledge,
    store,
    escalation: { caseUrl: config.SUPPORT_CASE_URL, support },
    ttlMinutes: config.CONVERSATION_TTL_MINUTES,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    rateCheck: (key) => limiter.take(key),
    diagnostics,
  });
}
