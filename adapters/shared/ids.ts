/**
 * Every interactive id a door puts in a message is namespaced and versioned
 * (`cfb1:`) so a button from an older release (or another bot), or one whose
 * state is gone, is recognised as expired instead of being misread as a choice.
 */
export const ID_NAMESPACE = 'cfb1';
/** Prefix of a choice id: `cfb1:c:<engine choice id>`. */
export const CHOICE_ID_PREFIX = `${ID_NAMESPACE}:c:`;

export function choiceId(engineChoiceId: string): string {
  return CHOICE_ID_PREFIX + engineChoiceId;
}

/** The engine's choice id inside one of our ids, or undefined when the id is not a current-version choice. */
export function engineChoiceIdOf(id: string): string | undefined {
  if (!id.startsWith(CHOICE_ID_PREFIX)) return undefined;
  const engineId = id.slice(CHOICE_ID_PREFIX.length);
  return engineId === '' ? undefined : engineId;
}
