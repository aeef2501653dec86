import { join } from 'node:path';
import type { Config } from './config.ts';
import { ConversationEngine } from './conversation/engine.ts';
import type { Handoff, HandoffRequest, SupportEngine } from './conversation/seam.ts';
import type { Diagnostics } from './conversation/diagnostics-replies.ts';
import { loadKnowledge, type KnowledgeLoad } from './knowledge-cache/knowledge-snapshot.ts';
import { createLogger, type Logger } from './log.ts';
import type { BotMetrics } from './metrics/bot-metrics.ts';
import { describeKnowledgeError } from './observability/knowledge-error.ts';
import { observeFeedback } from './observability/observed-store.ts';
import { openEventLog } from './observability/open-event-log.ts';
import type { BotEventLog } from './observability/turn-events.ts';
import { createTurnObserver } from './observability/turn-observer.ts';
import { TurnRateLimiter } from './safety/rate-limit.ts';
import type { ConversationStore } from './store/conversation-store.ts';
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
  /** The process's metrics registry; none in tools that export no metrics. */
  metrics?: BotMetrics;
  /** Where the knowledge snapshot is cached; default DATA_DIR/cache, none for the memory store. */
  cacheDir?: string | null;
};

export type ReloadResult = { ok: true; from: KnowledgeLoad['from']; ms: number } | { ok: false; file?: string; node?: string; reason: string };

/** The engine as a process runs it: the door seam plus what the operator side needs. */
export type RunningEngine = SupportEngine & {
  /** Re-validates knowledge/ and swaps it in at once; a broken edit keeps the old knowledge. */
  reloadKnowledge(): Promise<ReloadResult>;
  /** True when the conversation store answers a read. */
  storeAnswers(): Promise<boolean>;
  readonly knowledgeKey: string;
  readonly events: BotEventLog;
};

const PROBE_KEY = 'cli:readiness-probe';

/** The store kind a config asks for: Redis when REDIS_URL is set (several processes), sqlite otherwise. */
export function storeKindFor(config: Config): StoreKind {
  return config.REDIS_URL ? 'redis' : 'sqlite';
}

/** Opens the backend the config asks for; a Redis that cannot be reached fails here, at start-up. */
export function openConfiguredBackend(config: Config, logger: Logger, kind: StoreKind = storeKindFor(config)): Promise<Backend> {
  return openBackend({ kind, dataDir: config.DATA_DIR, logger, ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}) });
}

/** Loads and validates all knowledge (a broken file throws, naming itself), opens the store, returns the engine. */
export async function createEngine(options: EngineOptions): Promise<RunningEngine> {
  const { config, metrics } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const backend = options.backend ?? (await openConfiguredBackend(config, logger, options.store));
  const storeKind: StoreKind = options.backend ? (options.backend.redis ? 'redis' : 'sqlite') : options.store ?? storeKindFor(config);
  const cacheDir = options.cacheDir === null ? undefined : options.cacheDir ?? (storeKind === 'memory' ? undefined : join(config.DATA_DIR, 'cache'));
  const load = () => loadKnowledge({ dir: config.KNOWLEDGE_DIR, cacheDir, onCacheProblem: (message) => logger.warn(message) });
  const first = await load();
  logger.debug({ from: first.from, ms: Math.round(first.ms) }, 'knowledge loaded');
  const events = await openEventLog({ kind: storeKind === 'memory' ? 'memory' : 'sqlite', dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL, logger });
  const store: ConversationStore = observeFeedback(backend.store, { events, ...(metrics ? { metrics } : {}) });
  // The limiter words its notice with whatever wording is in force; a reload swaps it below.
  let wording = first.knowledge.wording;
  const limiter = new TurnRateLimiter(
    { perUser: config.RATE_LIMIT_USER_PER_MINUTE, perPlace: config.RATE_LIMIT_CHANNEL_PER_MINUTE, windowMs: 60_000 },
    backend.redis ? { kind: 'redis', ...backend.redis } : { kind: 'memory' },
    backend.memo,
    () => wording,
  );
  // undici and the probes load only when an operator turned a live diagnostic on.
  const probes = config.STATUS_PAGE_URL || config.URL_CHECKS ? await import('./diagnostics/index.ts') : undefined;
  const diagnostics: Diagnostics = {
    ...(probes && config.STATUS_PAGE_URL ? { status: probes.createCachedStatus({ baseUrl: config.STATUS_PAGE_URL }) } : {}),
    ...(probes && config.URL_CHECKS ? { checkUrl: (url: string) => probes.checkUrl(url, { allowPrivateAddresses: options.allowPrivateUrlChecks === true }) } : {}),
  };
  const escalationOf = (loaded: KnowledgeLoad) => ({ caseUrl: config.SUPPORT_CASE_URL, support: loaded.support });
  const engine = new ConversationEngine({
    knowledge: first.knowledge,
    store,
    escalation: escalationOf(first),
    ttlMinutes: config.CONVERSATION_TTL_MINUTES,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    rateCheck: (conversation) => limiter.check(conversation),
    diagnostics,
    observer: createTurnObserver({ logger, events, ...(metrics ? { metrics } : {}) }),
  });
  // Compiles the search code before the first real question, in the background (src/retrieval/search-warm-up.ts).
  const warmUp = new AbortController();
  first.knowledge.runtime.searcher
    .warmUp({ signal: warmUp.signal, background: true })
    .then((report) => logger.debug(report, 'search warmed up'), (error: unknown) => logger.warn({ err: error }, 'search warm-up failed'));
  let knowledgeKey = first.key;
  let reloading: Promise<ReloadResult> | undefined;

  const reload = async (): Promise<ReloadResult> => {
    try {
      const next = await load();
      if (next.key !== knowledgeKey) {
        engine.replaceKnowledge({ knowledge: next.knowledge, escalation: escalationOf(next) });
        wording = next.knowledge.wording;
      }
      knowledgeKey = next.key;
      metrics?.knowledgeReloads.inc({ result: 'ok' });
      logger.info({ from: next.from, ms: Math.round(next.ms) }, 'knowledge reloaded');
      return { ok: true, from: next.from, ms: next.ms };
    } catch (error) {
      const problem = describeKnowledgeError(error);
      metrics?.knowledgeReloads.inc({ result: 'rejected' });
      logger.error(problem, 'knowledge reload rejected; still answering from the previous knowledge');
      return { ok: false, ...problem };
    }
  };

  const guarded = answeringThroughOutages(engine, logger);
  return {
    // While the shared store is away every turn gets one honest line, never a crash.
    handle: (turn) => guarded.handle(turn),
    codeSuggestions: (prefix, limit) => engine.codeSuggestions(prefix, limit),
    wouldAnswer: async (conversation) => !(await limiter.wouldRefuse(conversation)),
    async handoff(request: HandoffRequest): Promise<Handoff> {
      const handoff = await engine.handoff(request);
      metrics?.escalations.inc({ reason: 'handoff', audience: handoff.escalation.audience });
      return handoff;
    },
    // Reloads one at a time: a burst of file events or signals becomes one reload after another, never two at once.
    reloadKnowledge: () => (reloading = (reloading ?? Promise.resolve()).then(reload, reload)),
    async storeAnswers() {
      try {
        await store.get(PROBE_KEY);
        return true;
      } catch {
        return false;
      }
    },
    get knowledgeKey() {
      return knowledgeKey;
    },
    events,
    async close() {
      warmUp.abort();
      await Promise.allSettled([engine.close(), events.close()]);
    },
  };
}
