import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import type { DoorContext } from '../context.ts';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about Cloudflare')
  .addStringOption((o) => o.setName('question').setDescription('What is going on? Paste the error if there is one').setRequired(true).setMaxLength(1500));

export async function execute(interaction: ChatInputCommandInteraction, ctx: DoorContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  await answerCommand(interaction, ctx, { kind: 'command', name: 'ask', args: { question } });
}
