import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Choice, Escalation, Reply, SourceLink } from '../../src/conversation/seam.ts';
import { inGroupsOf, uniqueBy } from '../shared/choices.ts';
import { splitMarkdown } from '../shared/split-markdown.ts';
import { truncate } from '../shared/truncate.ts';
import { choiceCustomId } from './custom-id.ts';
import { maskedLink } from './inert-text.ts';
import { limits } from './limits.ts';
import { quiet, type ButtonRow, type QuietMessage } from './quiet-message.ts';
import { texts } from './texts.ts';

/**
 * Reply -> Discord messages, pure. Long text becomes several embeds and, past
 * the per-message budget, several messages; buttons ride on the last one.
 */
export function renderReplies(replies: readonly Reply[]): QuietMessage[] {
  return replies.flatMap(renderReply);
}

export function renderReply(reply: Reply): QuietMessage[] {
  const embeds = [...answerEmbeds(reply), ...(reply.escalation ? escalationEmbeds(reply.escalation) : [])];
  const buttons = [
    ...choiceButtons(reply.choices ?? [], reply.feedback === true),
    ...(reply.escalation ? [escalationButton(reply.escalation)] : []),
  ];
  return embedsWithButtons(embeds, buttons);
}

/** Packs embeds into as few messages as the limits allow, buttons on the last one. */
export function embedsWithButtons(embeds: readonly APIEmbed[], buttons: readonly APIButtonComponent[]): QuietMessage[] {
  return attachButtons(packEmbeds(embeds), buttons);
}

export function escalationEmbeds(escalation: Escalation): APIEmbed[] {
  // A ``` inside the summary would close our code block early.
  const summary = escalation.summary.replaceAll('```', '`\u200b`\u200b`');
  const checklist = escalation.checklist.length
    ? `\n**${texts.checklistHeading}**\n${escalation.checklist.map((item) => `- ${item}`).join('\n')}`
    : '';
  const chunks = splitMarkdown(`\`\`\`\n${summary}\n\`\`\`${checklist}`, { limit: limits.embedDescription });
  return chunks.map((description, i) => (i === 0 ? { title: texts.caseSummaryTitle, description } : { description }));
}

export function escalationButton(escalation: Escalation): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Link, label: truncate(escalation.actionLabel, limits.buttonLabel), url: escalation.url };
}

/** Groups buttons into rows of five, at most five rows per message. */
export function buttonRows(buttons: readonly APIButtonComponent[]): ButtonRow[] {
  return inGroupsOf(buttons, limits.buttonsPerRow).map((components) => ({ type: ComponentType.ActionRow, components }));
}

function answerEmbeds(reply: Reply): APIEmbed[] {
  const chunks = reply.text.trim() === '' ? [] : splitMarkdown(reply.text, { limit: limits.embedDescription });
  const embeds: APIEmbed[] = chunks.map((description) => ({ description }));
  const sources = reply.sources ?? [];
  if (reply.title || sources.length > 0) {
    if (embeds.length === 0) embeds.push({});
    const first = embeds[0]!;
    if (reply.title) first.title = truncate(reply.title, limits.embedTitle);
    if (sources[0] && first.title) first.url = sources[0].url;
  }
  const primary = sources[0];
  const footer = primary ? { text: truncate(`${primary.title} · ${primary.url}`, limits.embedFooter) } : undefined;
  addSourceFields(embeds, sources, footer?.text.length ?? 0);
  if (footer) embeds[embeds.length - 1]!.footer = footer;
  return embeds;
}

/** Sources go into fields on the last embed, spilling into extra embeds rather than past any limit. */
function addSourceFields(embeds: APIEmbed[], sources: readonly SourceLink[], footerRoom: number): void {
  for (const field of sourceFields(sources)) {
    let last = embeds[embeds.length - 1]!;
    const fields = last.fields ?? [];
    if (fields.length >= limits.fieldsPerEmbed || embedLength(last) + fieldLength(field) + footerRoom > limits.embedCharsPerMessage) {
      last = {};
      embeds.push(last);
    }
    last.fields = [...(last.fields ?? []), field];
  }
}

function sourceFields(sources: readonly SourceLink[]): APIEmbedField[] {
  const lines = sources.map((s) => `- ${maskedLink(s.title, s.url)}`).filter((l) => l.length <= limits.fieldValue);
  const values: string[] = [];
  for (const line of lines) {
    const current = values[values.length - 1];
    if (current !== undefined && current.length + 1 + line.length <= limits.fieldValue) values[values.length - 1] = `${current}\n${line}`;
    else values.push(line);
  }
  return values.map((value, i) => ({ name: i === 0 ? texts.sourcesHeading : `${texts.sourcesHeading} (continued)`, value }));
}

function choiceButtons(choices: readonly Choice[], feedback: boolean): APIButtonComponent[] {
  const placed = choices.map((choice) => ({ choice, customId: choiceCustomId(choice.id) }));
  // Discord rejects the whole message for a duplicate or oversized custom_id; drop just that button.
  return uniqueBy(placed, (p) => p.customId).map(({ choice, customId }) => ({
    type: ComponentType.Button,
    style: choiceStyle(choice, feedback),
    label: truncate(choice.label, limits.buttonLabel),
    custom_id: customId!,
  }));
}

/** On a feedback prompt a verdict is green or red by the meaning the engine gave it; its other choices stay grey. */
function choiceStyle(choice: Choice, feedback: boolean): ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger {
  if (!feedback) return ButtonStyle.Primary;
  if (choice.meaning === 'positive') return ButtonStyle.Success;
  if (choice.meaning === 'negative') return ButtonStyle.Danger;
  return ButtonStyle.Secondary;
}

function packEmbeds(embeds: readonly APIEmbed[]): QuietMessage[] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (current.length > 0 && (current.length >= limits.embedsPerMessage || size + length > limits.embedCharsPerMessage)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) messages.push(current);
  return messages.map((group) => quiet({ embeds: group }));
}

function attachButtons(messages: QuietMessage[], buttons: readonly APIButtonComponent[]): QuietMessage[] {
  const rows = buttonRows(buttons);
  if (rows.length === 0) return messages;
  const result = messages.length > 0 ? [...messages] : [quiet({ content: texts.moreOptions })];
  const last = result.length - 1;
  result[last] = { ...result[last]!, components: rows.slice(0, limits.rowsPerMessage) };
  for (let i = limits.rowsPerMessage; i < rows.length; i += limits.rowsPerMessage) {
    result.push(quiet({ content: texts.moreOptions, components: rows.slice(i, i + limits.rowsPerMessage) }));
  }
  return result;
}

/** Characters Discord counts toward the 6000-per-message embed budget. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((n, f) => n + fieldLength(f), 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0) + fields;
}

function fieldLength(field: APIEmbedField): number {
  return field.name.length + field.value.length;
}
