import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import type { DoorContext } from '../context.ts';

export const data = new SlashCommandBuilder()
  .setName('escalate')
  .setDescription('Get a pre-filled support case from this conversation');

export async function execute(interaction: ChatInputCommandInteraction, ctx: DoorContext): Promise<void> {
  // The case summary can hold details of the user's site, so only they see it.
  await answerCommand(interaction, ctx, { kind: 'command', name: 'escalate', args: {} }, { ephemeral: true });
}
