import type { Handoff, HandoffRequest, Reply, SupportEngine, Turn } from '../../src/conversation/seam.ts';
import type { Logger } from '../../src/log.ts';

export type EngineOutcome = { kind: 'replies'; replies: Reply[] } | { kind: 'expired' } | { kind: 'failed' };

type EngineCaller = {
  engine: SupportEngine;
  logger: Logger;
  /** Counts a failure in the door's own metrics. */
  onFailure?: () => void;
};

/**
 * Runs one turn and never throws: a failing engine must cost the user one
 * apology, not the process. A choice whose step the engine no longer has comes
 * back as `expired` (the seam's Reply.expired), so the door shows its expiry
 * notice instead of rendering the reply. The caller decides how to say sorry.
 */
export async function runTurn(caller: EngineCaller, turn: Turn): Promise<EngineOutcome> {
  try {
    const replies = await caller.engine.handle(turn);
    if (turn.input.kind === 'choice' && replies.some((reply) => reply.expired === true)) return { kind: 'expired' };
    return { kind: 'replies', replies };
  } catch (error) {
    caller.onFailure?.();
    caller.logger.error({ err: error, conversation: turn.conversation.id, input: turn.input.kind }, 'engine turn failed');
    return { kind: 'failed' };
  }
}

/** The engine's case for a hand-off, or undefined after logging when it threw: the door apologises. */
export async function requestHandoff(caller: EngineCaller, request: HandoffRequest): Promise<Handoff | undefined> {
  try {
    return await caller.engine.handoff(request);
  } catch (error) {
    caller.onFailure?.();
    caller.logger.error({ err: error, user: request.user, platform: request.platform }, 'engine hand-off failed');
    return undefined;
  }
}
