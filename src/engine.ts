import { join } from 'node:path';
import type { Config } from './config.ts';
import { ConversationEngine } from './conversation/engine.ts';
import type { SupportEngine } from './conversation/seam.ts';
import { loadEngineKnowledge } from './engine-knowledge.ts';
import type { Diagnostics } from './conversation/diagnostics-replies.ts';
import { checkUrl, createCachedStatus } from './diagnostics/index.ts';
import { loadSupportConfig } from './escalation/support-config.ts';
import { createLogger, type Logger } from './log.ts';
import { TurnRateLimiter } from './safety/rate-limit.ts';
import { openBackend, type Backend, type StoreKind } from './store/open-store.ts';
import { answeringThroughOutages } from './store/outage-guard.ts';

export type EngineOptions = {
  config: Config;
  logger?: Logger;
  /** 'memory' for tests; default 'redis' when REDIS_URL is set, else 'sqlite' under config.DATA_DIR. Ignored with `backend`. */
  store?: StoreKind;
  /** A backend already opened (openBackend), so the doors can share its de-duplication and caches. */
  backend?: Backend;
  /** Pinned clock for tests of expiry. */
  clock?: () => Date;
  /** Tests only: let URL checks reach 127.0.0.1 fakes. Production always refuses private addresses. */
  allowPrivateUrlChecks?: boolean;
};

/** The store kind a config asks for: Redis when REDIS_URL is set (several processes), sqlite otherwise. */
export function storeKindFor(config: Config): StoreKind {
  return config.REDIS_URL ? 'redis' : 'sqlite';
}

/** Opens the backend the config asks for; a Redis that cannot be reached fails here, at start-up. */
export function openConfiguredBackend(config: Config, logger: Logger, kind: StoreKind = storeKindFor(config)): Promise<Backend> {
  return openBackend({ kind, dataDir: config.DATA_DIR, logger, ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}) });
}

/** Loads and validates all knowledge (a broken file throws, naming itself), opens the store, returns the engine. */
export async function createEngine(options: EngineOptions): Promise<SupportEngine> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const knowledge = loadEngineKnowledge(config.KNOWLEDGE_DIR);
  const support = loadSupportConfig(join(config.KNOWLEDGE_DIR, 'support.yaml'));
  const backend = options.backend ?? (await openConfiguredBackend(config, logger, options.store));
  const limiter = new TurnRateLimiter(
    { perUser: config.RATE_LIMIT_USER_PER_MINUTE, perPlace: config.RATE_LIMIT_CHANNEL_PER_MINUTE, windowMs: 60_000 },
    backend.redis ? { kind: 'redis', ...backend.redis } : { kind: 'memory' },
    backend.memo,
  );
  const diagnostics: Diagnostics = {
    ...(config.STATUS_PAGE_URL ? { status: createCachedStatus({ baseUrl: config.STATUS_PAGE_URL }) } : {}),
    ...(config.URL_CHECKS ? { checkUrl: (url: string) => checkUrl(url, { allowPrivateAddresses: options.allowPrivateUrlChecks === true }) } : {}),
  };
  const engine = new ConversationEngine({
    knowledge,
    store: backend.store,
    escalation: { caseUrl: config.SUPPORT_CASE_URL, support },
    ttlMinutes: config.CONVERSATION_TTL_MINUTES,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    rateCheck: (conversation) => limiter.check(conversation),
    diagnostics,
  });
  return answeringThroughOutages(engine, logger);
}
