import { ButtonStyle, ComponentType, type APIButtonComponent } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/conversation/seam.ts';
import { choiceCustomId, decodeCustomId } from './custom-id.ts';
import { embedLength, renderReply } from './render.ts';

const page = { title: 'Error 1020: Access denied', url: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1020/' };
const buttons = (reply: Reply) => renderReply(reply).flatMap((m) => (m.components ?? []).flatMap((row) => row.components));

describe('renderReply', () => {
  it('shows the answer as an embed with its title, text, sources as links and the primary page in the footer', () => {
    const [message, ...rest] = renderReply({ title: 'Error 1020', text: 'A firewall rule blocked you.', sources: [page] });
    expect(rest).toEqual([]);
    expect(message!.embeds).toEqual([
      {
        title: 'Error 1020',
        url: page.url,
        description: 'A firewall rule blocked you.',
        fields: [{ name: 'Sources', value: `- [Error 1020: Access denied](${page.url})` }],
        footer: { text: `Error 1020: Access denied · ${page.url}` },
      },
    ]);
    expect(message!.allowedMentions).toEqual({ parse: [] });
  });

  it('turns choices into namespaced buttons, five to a row, extra rows spilling into another message', () => {
    const choices = Array.from({ length: 27 }, (_, i) => ({ id: `step:${i}`, label: `Option ${i}` }));
    const messages = renderReply({ text: 'Pick one', choices });
    expect(messages[0]!.components).toHaveLength(5);
    expect(messages[0]!.components!.every((row) => row.type === ComponentType.ActionRow && row.components.length <= 5)).toBe(true);
    expect(messages[1]!.components!.flatMap((r) => r.components)).toHaveLength(2);
    const all = messages.flatMap((m) => (m.components ?? []).flatMap((r) => r.components)) as (APIButtonComponent & { custom_id: string })[];
    expect(all.map((b) => decodeCustomId(b.custom_id))).toEqual(choices.map((c) => ({ kind: 'choice', choiceId: c.id })));
    expect(messages.every((m) => m.allowedMentions.parse.length === 0)).toBe(true);
  });

  it('styles the "did that solve it?" prompt green for yes and red for no', () => {
    const styles = buttons({ text: 'Did that solve it?', feedback: true, choices: [{ id: 'solved:yes', label: 'Yes', meaning: 'positive' }, { id: 'solved:no', label: 'No', meaning: 'negative' }] }).map((b) => b.style);
    expect(styles).toEqual([ButtonStyle.Success, ButtonStyle.Danger]);
  });

  it('renders an escalation as a link button to the case, the summary in a code block and the checklist', () => {
    const escalation = { url: 'https://dash.cloudflare.com/?to=/:account/support', summary: 'Error 1020 on shop.example\nRay ID 8a1b', checklist: ['HAR file', 'Ray ID'], audience: 'cloudflare-support' as const, heading: 'Open a support case', actionLabel: 'Open a support case' };
    const [message] = renderReply({ text: 'Open a case with this summary.', escalation });
    const link = message!.components![0]!.components[0]!;
    expect(link).toEqual({ type: ComponentType.Button, style: ButtonStyle.Link, label: 'Open a support case', url: escalation.url });
    const summary = message!.embeds!.find((e) => e.title === 'Case summary')!.description!;
    expect(summary).toContain('```\nError 1020 on shop.example\nRay ID 8a1b\n```');
    expect(summary).toContain('- HAR file\n- Ray ID');
  });

  it('splits a long answer across embeds and messages within every limit, never inside a link', () => {
    const link = `[the error 1020 guide](${page.url})`;
    const text = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}: read ${link} and check rule ${i}.`.repeat(2)).join('\n\n');
    const sources = Array.from({ length: 40 }, (_, i) => ({ title: `Page ${i}`, url: `${page.url}?p=${i}` }));
    const messages = renderReply({ title: 'Long', text, sources, choices: [{ id: 'solved:yes', label: 'Yes' }] });

    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      const embeds = message.embeds ?? [];
      expect(embeds.length).toBeLessThanOrEqual(10);
      expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
      for (const embed of embeds) {
        expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
        expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
        for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
        const description = embed.description ?? '';
        expect(description.split('[the error 1020 guide](').length).toBe(description.split('error-1020/)').length);
      }
    }
    const shown = messages.flatMap((m) => (m.embeds ?? []).flatMap((e) => (e.description ? [e.description] : []))).join('\n\n');
    expect(shown).toBe(text);
    const listed = messages.flatMap((m) => (m.embeds ?? []).flatMap((e) => (e.fields ?? []).map((f) => f.value))).join('\n');
    expect(sources.every((s) => listed.includes(`](${s.url})`))).toBe(true);
    expect(messages.at(-1)!.components).toBeDefined();
  });

  it('keeps button labels and custom_ids within Discord limits', () => {
    const [button] = buttons({ text: 'x', choices: [{ id: 'a'.repeat(80), label: 'L'.repeat(75) }] }) as (APIButtonComponent & { custom_id: string; label: string })[];
    expect(button!.custom_id.length).toBeLessThanOrEqual(100);
    expect(button!.label.length).toBeLessThanOrEqual(80);
    expect(choiceCustomId('a'.repeat(94))).toBeUndefined();
  });
});
