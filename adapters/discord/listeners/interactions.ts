import type { Interaction } from 'discord.js';
import { messageCommands, slashCommands } from '../commands/index.ts';
import type { DoorContext } from '../context.ts';
import { tellPrivately } from '../interaction-replies.ts';
import { texts } from '../texts.ts';
import { onButton } from './buttons.ts';

/** Interaction tokens live 15 minutes; an id is remembered that long. */
const INTERACTION_MEMORY_MS = 15 * 60_000;

/** Every interaction the door answers, routed by kind and command name. */
export async function onInteraction(interaction: Interaction, ctx: DoorContext): Promise<void> {
  // A gateway RESUME can replay an interaction; it is answered once, whichever process saw it first.
  if (!(await ctx.memo.claimOnce(`discord:interaction:${interaction.id}`, INTERACTION_MEMORY_MS))) {
    ctx.logger.debug({ interaction: interaction.id }, 'interaction already handled');
    return;
  }
  try {
    await route(interaction, ctx);
  } catch (error) {
    ctx.logger.error({ err: error, interaction: interaction.id }, 'answering an interaction failed');
    // Best effort: the person who acted should not be left with a spinner and no word.
    if (interaction.isRepliable()) await tellPrivately(interaction, texts.apology).catch(() => undefined);
  }
}

async function route(interaction: Interaction, ctx: DoorContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    await slashCommands.find((c) => c.data.name === interaction.commandName)?.autocomplete?.(interaction, ctx);
  } else if (interaction.isChatInputCommand()) {
    const command = slashCommands.find((c) => c.data.name === interaction.commandName);
    // A command left registered from an older deployment: say so rather than time out.
    await (command ? command.execute(interaction, ctx) : tellPrivately(interaction, texts.unknownCommand));
  } else if (interaction.isMessageContextMenuCommand()) {
    const command = messageCommands.find((c) => c.data.name === interaction.commandName);
    await (command ? command.execute(interaction, ctx) : tellPrivately(interaction, texts.unknownCommand));
  } else if (interaction.isButton()) {
    await onButton(interaction, ctx);
  }
}
