import { doorTexts, expiredText } from '../shared/door-texts.ts';
import { runTurn, type EngineOutcome } from '../shared/engine-call.ts';
import type { Turn } from '../../src/conversation/seam.ts';
import type { SlackDoorContext } from './door.ts';

export const APOLOGY = doorTexts.apology;
export const EXPIRED = expiredText();

/** The shared engine call (adapters/shared/engine-call.ts), counting failures in this door's metrics. */
export function runSlackTurn(door: SlackDoorContext, turn: Turn): Promise<EngineOutcome> {
  return runTurn(engineCaller(door), turn);
}

export function engineCaller(door: SlackDoorContext): { engine: SlackDoorContext['engine']; logger: SlackDoorContext['logger']; onFailure: () => void } {
  return { engine: door.engine, logger: door.logger, onFailure: () => void (door.metrics.errors += 1) };
}
