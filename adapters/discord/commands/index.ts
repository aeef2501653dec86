import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import * as ask from './ask.ts';
import type { MessageCommand, SlashCommand } from './command.ts';
import * as escalateMessage from './escalate-message.ts';
import * as escalate from './escalate.ts';
import * as handoff from './handoff.ts';
import * as troubleshoot from './troubleshoot.ts';

/** Every command of the Discord door: read this list to know them all. */
export const slashCommands: readonly SlashCommand[] = [ask, troubleshoot, escalate, handoff];
export const messageCommands: readonly MessageCommand[] = [escalateMessage];

export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...slashCommands, ...messageCommands].map((command) => command.data.toJSON());
}
