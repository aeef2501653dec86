import { truncate } from '../../shared/truncate.ts';
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import type { DoorContext } from '../context.ts';

/** Discord shows at most 25 suggestions, each name at most 100 characters. */
const MAX_SUGGESTIONS = 25;
const MAX_NAME = 100;

export const data = new SlashCommandBuilder()
  .setName('troubleshoot')
  .setDescription('Walk through fixing a Cloudflare error code')
  .addStringOption((o) => o.setName('code').setDescription('Error code, e.g. 522').setRequired(true).setAutocomplete(true).setMaxLength(20));

export async function execute(interaction: ChatInputCommandInteraction, ctx: DoorContext): Promise<void> {
  const code = interaction.options.getString('code', true);
  await answerCommand(interaction, ctx, { kind: 'command', name: 'troubleshoot', args: { code } });
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: DoorContext): Promise<void> {
  const typed = interaction.options.getFocused().trim();
  const suggestions = ctx.engine.codeSuggestions(typed, MAX_SUGGESTIONS).slice(0, MAX_SUGGESTIONS);
  await interaction.respond(suggestions.map((s) => ({ name: truncate(`${s.code}: ${s.title}`, MAX_NAME), value: s.code })));
}
