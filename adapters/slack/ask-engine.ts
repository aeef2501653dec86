import type { Reply, Turn } from '../../src/conversation/seam.ts';
import type { SlackDoor } from './door.ts';

export const APOLOGY = 'Sorry, something went wrong on my side while answering. Please try again in a minute.';
export const EXPIRED = 'This conversation expired, ask again.';

/** The engine's answer, or undefined after logging when it threw: a door apologises, it never crashes. */
export async function askEngine(door: SlackDoor, turn: Turn): Promise<Reply[] | undefined> {
  try {
    return await door.engine.handle(turn);
  } catch (error) {
    door.metrics.errors += 1;
    door.logger.error({ err: error, conversation: turn.conversation.id, input: turn.input.kind }, 'engine failed to answer');
    return undefined;
  }
}
