/**
 * Button custom_ids carry a namespace and a version so a button from an older
 * deployment (or another bot) is recognised as expired instead of being
 * misread as a choice.
 */
const NAMESPACE = 'cfb1';
const CHOICE = `${NAMESPACE}:c:`;
/** Discord's custom_id limit. */
export const CUSTOM_ID_MAX = 100;

export type DecodedCustomId = { kind: 'choice'; choiceId: string } | { kind: 'unknown' };

/** Returns undefined when the id could not survive the trip through Discord. */
export function choiceCustomId(choiceId: string): string | undefined {
  const customId = CHOICE + choiceId;
  return choiceId !== '' && customId.length <= CUSTOM_ID_MAX ? customId : undefined;
}

export function decodeCustomId(customId: string): DecodedCustomId {
  if (!customId.startsWith(CHOICE)) return { kind: 'unknown' };
  const choiceId = customId.slice(CHOICE.length);
  return choiceId === '' ? { kind: 'unknown' } : { kind: 'choice', choiceId };
}
