import type { Logger } from '../../src/log.ts';
import type { Reply, SupportEngine, Turn } from '../../src/conversation/seam.ts';

export type EngineOutcome = { kind: 'replies'; replies: Reply[] } | { kind: 'expired' } | { kind: 'failed' };

/**
 * Runs one turn and never throws: a failing engine must cost the user one
 * apology, not the process. The caller decides how to say sorry.
 */
export async function runTurn(engine: SupportEngine, turn: Turn, logger: Logger): Promise<EngineOutcome> {
  try {
    const replies = await engine.handle(turn);
    if (turn.input.kind === 'choice' && replies.some(isExpiredReply)) return { kind: 'expired' };
    return { kind: 'replies', replies };
  } catch (error) {
    logger.error({ err: error, conversation: turn.conversation.id, input: turn.input.kind }, 'engine turn failed');
    return { kind: 'failed' };
  }
}

/**
 * The seam has no field yet for "that choice belongs to a step I no longer
 * have"; until it does (proposed: Reply.expired), an engine can set it and
 * the door shows the expiry notice instead of rendering the reply.
 */
function isExpiredReply(reply: Reply): boolean {
  return reply.expired === true;
}
