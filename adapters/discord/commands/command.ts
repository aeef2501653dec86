import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { DoorContext } from '../context.ts';

type Definition = { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };

/** The shape of a slash-command module: its definition and what it does. */
export type SlashCommand = {
  data: Definition;
  execute(interaction: ChatInputCommandInteraction, ctx: DoorContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: DoorContext): Promise<void>;
};

/** The shape of a message context-menu command module. */
export type MessageCommand = {
  data: Definition;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: DoorContext): Promise<void>;
};
