import type { ButtonInteraction } from 'discord.js';
import type { DoorContext } from '../context.ts';
import { conversationOfInteraction } from '../conversation-of-interaction.ts';
import { decodeCustomId } from '../custom-id.ts';
import { runTurn } from '../../shared/engine-call.ts';
import { sendInteractionReplies, tellPrivately } from '../interaction-replies.ts';
import { renderReplies } from '../render.ts';
import { texts } from '../texts.ts';

/** A button is a choice turn; the next step replaces the message that held the button. */
export async function onButton(interaction: ButtonInteraction, ctx: DoorContext): Promise<void> {
  const decoded = decodeCustomId(interaction.customId);
  if (decoded.kind === 'unknown') {
    await tellPrivately(interaction, texts.expired);
    return;
  }
  // Outside threads each person has their own conversation, so someone else's click would hit a
  // conversation they never had and replace the owner's answer with a dead end.
  const owner = interaction.message.interactionMetadata?.user.id;
  if (owner !== undefined && owner !== interaction.user.id && !interaction.channel?.isThread()) {
    await tellPrivately(interaction, texts.notYourButtons(owner));
    return;
  }
  await interaction.deferUpdate();
  const turn = { conversation: conversationOfInteraction(interaction, ctx.config), input: { kind: 'choice' as const, choiceId: decoded.choiceId } };
  const outcome = await runTurn(ctx, turn);
  if (outcome.kind === 'replies') await sendInteractionReplies(interaction, renderReplies(outcome.replies));
  // The clicked message stays as it was; only the clicker hears why nothing changed.
  else await tellPrivately(interaction, outcome.kind === 'expired' ? texts.expired : texts.apology);
}
