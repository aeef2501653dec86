import { choiceId, engineChoiceIdOf } from '../shared/ids.ts';

/** Discord's custom_id limit. */
export const CUSTOM_ID_MAX = 100;

export type DecodedCustomId = { kind: 'choice'; choiceId: string } | { kind: 'unknown' };

/** Returns undefined when the id could not survive the trip through Discord. */
export function choiceCustomId(engineChoiceId: string): string | undefined {
  const customId = choiceId(engineChoiceId);
  return engineChoiceId !== '' && customId.length <= CUSTOM_ID_MAX ? customId : undefined;
}

/** A custom_id of ours in the current version, or `unknown` (an older release's button, another bot's). */
export function decodeCustomId(customId: string): DecodedCustomId {
  const engineId = engineChoiceIdOf(customId);
  return engineId === undefined ? { kind: 'unknown' } : { kind: 'choice', choiceId: engineId };
}
