import { hyperlink, userMention, type APIEmbed } from 'discord.js';
import type { Handoff, TranscriptEntry } from '../../src/conversation/seam.ts';
import { inertUserText } from './inert-text.ts';
import { limits } from './limits.ts';
import { quiet, type QuietMessage } from './quiet-message.ts';
import { embedsWithButtons, escalationButton, escalationEmbeds } from './render.ts';
import { splitMarkdown } from '../shared/split-markdown.ts';

export type HandoffParties = {
  userId: string;
  moderatorId: string;
  /** The message a moderator escalated from, when there is one. */
  messageUrl?: string;
};

/** The case as moderators see it: who, the pre-filled summary and the transcript. */
export function moderatorCaseMessages(handoff: Handoff, parties: HandoffParties): QuietMessage[] {
  const from = parties.messageUrl ? ` from ${hyperlink('this message', parties.messageUrl)}` : '';
  const origin = handoff.hadConversation ? '' : '\n_No stored conversation: built from the message alone._';
  const header = `Hand-off for ${userMention(parties.userId)} requested by ${userMention(parties.moderatorId)}${from}.${origin}`;
  return [...withLeadingContent(header, caseMessages(handoff)), ...transcriptMessages(handoff.transcript)];
}

/** What the user is told privately: someone has it, and what to do meanwhile. */
export function userHandoffMessages(handoff: Handoff, guildName: string): QuietMessage[] {
  const content =
    `A moderator in **${guildName}** has passed your question to the support team. ` +
    'What happens next: the moderators have the case summary below and will follow up with you. ' +
    'If it is urgent, you can open the case yourself with the button; the summary is ready to paste.';
  return withLeadingContent(content, caseMessages(handoff));
}

function caseMessages(handoff: Handoff): QuietMessage[] {
  return embedsWithButtons(escalationEmbeds(handoff.escalation), [escalationButton(handoff.escalation)]);
}

function withLeadingContent(content: string, messages: QuietMessage[]): QuietMessage[] {
  const [first, ...rest] = messages;
  return first ? [{ ...first, content }, ...rest] : [quiet({ content })];
}

function transcriptMessages(transcript: readonly TranscriptEntry[]): QuietMessage[] {
  if (transcript.length === 0) return [];
  const text = transcript.map(transcriptLine).join('\n');
  return splitMarkdown(text, { limit: limits.embedDescription }).map((description, i): QuietMessage => {
    const embed: APIEmbed = i === 0 ? { title: 'Transcript', description } : { description };
    return quiet({ embeds: [embed] });
  });
}

/** Bot lines may quote the user too (a URL, a pasted line), so every line is shown as plain text. */
function transcriptLine(entry: TranscriptEntry): string {
  return `**${entry.role === 'user' ? 'User' : 'Bot'}** (${entry.at}): ${inertUserText(entry.text)}`;
}
