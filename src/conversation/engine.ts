import type { EngineKnowledge } from '../engine-knowledge.ts';
import type { Logger } from '../log.ts';
import type { TurnObserver } from '../observability/turn-report.ts';
import type { ConversationStore } from '../store/conversation-store.ts';
import { codeSuggestions } from './autocomplete.ts';
import type { Diagnostics } from './diagnostics-replies.ts';
import type { EscalationContext } from './escalation-reply.ts';
import { buildHandoff } from './handoff.ts';
import type { Handoff, HandoffRequest, Reply, SupportEngine, Turn } from './seam.ts';
import type { TurnDeps } from './turn-context.ts';
import { TurnPipeline, type RateCheck } from './turn-pipeline.ts';

export type { RateCheck } from './turn-pipeline.ts';

export type EngineDeps = {
  knowledge: EngineKnowledge;
  store: ConversationStore;
  escalation: Omit<EscalationContext, 'knowledge'>;
  ttlMinutes: number;
  logger: Logger;
  clock?: () => Date;
  rateCheck?: RateCheck;
  diagnostics?: Diagnostics;
  /** Told the outcome of every stored turn (metrics, turn log, report); never changes a reply. */
  observer?: TurnObserver;
};

/**
 * The engine behind every door (the `SupportEngine` seam). It holds the
 * knowledge; the turn pipeline (turn-pipeline.ts) runs each turn, dispatch.ts
 * routes it, and the *-turn.ts files answer it.
 */
export class ConversationEngine implements SupportEngine {
  private readonly pipeline: TurnPipeline;
  private turnDeps: TurnDeps;

  constructor(deps: EngineDeps) {
    const clock = deps.clock ?? (() => new Date());
    this.turnDeps = answeringWith(deps, clock);
    this.pipeline = new TurnPipeline({
      store: deps.store,
      logger: deps.logger,
      clock,
      ttlMinutes: deps.ttlMinutes,
      rateCheck: deps.rateCheck,
      observer: deps.observer,
      turnDeps: () => this.turnDeps,
    });
  }

  /** Swaps in re-validated knowledge in one assignment; turns already running finish on what they started with. */
  replaceKnowledge(next: Pick<EngineDeps, 'knowledge' | 'escalation'>): void {
    this.turnDeps = answeringWith({ ...this.turnDeps, ...next }, this.turnDeps.clock);
  }

  handle(turn: Turn): Promise<Reply[]> {
    return this.pipeline.handle(turn);
  }

  codeSuggestions(prefix: string, limit?: number): { code: string; title: string }[] {
    return codeSuggestions(this.turnDeps.knowledge, prefix, limit);
  }

  handoff(request: HandoffRequest): Promise<Handoff> {
    return buildHandoff(this.turnDeps, request);
  }

  async close(): Promise<void> {
    await this.turnDeps.store.close();
  }
}

/** What turns answer with, derived once per knowledge version rather than once per turn. */
function answeringWith(deps: Pick<EngineDeps, 'knowledge' | 'store' | 'escalation' | 'diagnostics'>, clock: () => Date): TurnDeps {
  return {
    knowledge: deps.knowledge,
    store: deps.store,
    escalation: deps.escalation,
    clock,
    diagnostics: deps.diagnostics,
    knownCodes: new Set(deps.knowledge.runtime.kb.codes.keys()),
    reading: { flows: deps.knowledge.flows },
  };
}
