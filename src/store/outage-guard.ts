import type { Logger } from '../log.ts';
import type { SupportEngine } from '../conversation/seam.ts';
import { MEMORY_UNAVAILABLE_TEXT, StoreUnavailableError } from './store-unavailable.ts';

/**
 * While the shared store is away every turn gets one short, honest line instead of a crash or a
 * generic apology, and an error in the log. Nothing else changes: when Redis returns, the next
 * turn finds the conversation exactly where it was left.
 */
export function answeringThroughOutages(engine: SupportEngine, logger: Logger): SupportEngine {
  return {
    async handle(turn) {
      try {
        return await engine.handle(turn);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        logger.error({ err: error.message, platform: turn.conversation.platform }, 'turn answered without memory: the store is unavailable');
        return [{ text: MEMORY_UNAVAILABLE_TEXT }];
      }
    },
    codeSuggestions: (prefix, limit) => engine.codeSuggestions(prefix, limit),
    handoff: (request) => engine.handoff(request),
    close: () => engine.close(),
  };
}
