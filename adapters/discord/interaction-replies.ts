import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { asInteractionReply, notice, type QuietMessage } from './quiet-message.ts';

/**
 * Sends rendered messages for an interaction that was already acknowledged
 * (deferReply or deferUpdate): the first replaces the placeholder or the
 * clicked message, the rest follow.
 */
export type ReplyVisibility = {
  /** Only the person who acted sees the follow-ups (the placeholder's own visibility was set when deferring). */
  ephemeral?: boolean;
};

export async function sendInteractionReplies(interaction: RepliableInteraction, messages: readonly QuietMessage[], { ephemeral = false }: ReplyVisibility = {}): Promise<void> {
  const [first, ...rest] = messages;
  if (first === undefined) {
    // Nothing to say: do not leave "thinking..." behind.
    if (!interaction.deferred || interaction.isMessageComponent()) return;
    await interaction.deleteReply();
    return;
  }
  await interaction.editReply(asReplacement(first));
  for (const message of rest) await interaction.followUp(asInteractionReply(message, ephemeral));
}

/** A short private line for the person who acted, whatever state the interaction is in. */
export async function tellPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const message = notice(text);
  if (interaction.deferred || interaction.replied) {
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  }
}

/** An edit keeps any field it omits, so old buttons must be cleared explicitly. */
function asReplacement(message: QuietMessage): QuietMessage {
  return { ...message, content: message.content ?? '', embeds: message.embeds ?? [], components: message.components ?? [] };
}
