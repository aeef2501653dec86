import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { TurnInput } from '../../src/conversation/seam.ts';
import type { DoorContext } from './context.ts';
import { conversationOfInteraction } from './conversation-of-interaction.ts';
import { runTurn } from '../shared/engine-call.ts';
import { sendInteractionReplies, type ReplyVisibility } from './interaction-replies.ts';
import { notice } from './quiet-message.ts';
import { renderReplies } from './render.ts';
import { texts } from './texts.ts';

/** Slash command -> one engine turn -> rendered answer. */
export async function answerCommand(interaction: ChatInputCommandInteraction, ctx: DoorContext, input: TurnInput, { ephemeral = false }: ReplyVisibility = {}): Promise<void> {
  // Acknowledge first: Discord drops interactions not answered within 3 s, and the engine may take longer.
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const outcome = await runTurn(ctx, { conversation: conversationOfInteraction(interaction, ctx.config), input });
  if (outcome.kind === 'replies') {
    await sendInteractionReplies(interaction, renderReplies(outcome.replies), { ephemeral });
  } else {
    await interaction.editReply(notice(outcome.kind === 'failed' ? texts.apology : texts.expired));
  }
}
