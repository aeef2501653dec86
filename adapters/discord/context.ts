/** What every command and listener of the Discord door is given: the shared door context, nothing more. */
export type { DoorContext } from '../shared/door-context.ts';
