import type { Reply } from '../../src/conversation/seam.ts';

/**
 * Replies as terminal text: choices become numbered options (the terminal has
 * no buttons), links are shown as "text <url>", and the escalation summary is
 * printed whole so it can be copied into a case.
 */

const ESC = '\u001b[';

/** The styles a terminal reply uses; without colour each one leaves the text as it is. */
type Styles = { bold(s: string): string; dim(s: string): string; code(s: string): string };

function stylesFor(color: boolean): Styles {
  if (!color) return { bold: (s) => s, dim: (s) => s, code: (s) => `\`${s}\`` };
  return {
    bold: (s) => `${ESC}1m${s}${ESC}22m`,
    dim: (s) => `${ESC}2m${s}${ESC}22m`,
    code: (s) => `${ESC}36m${s}${ESC}39m`,
  };
}

/** Colours only for a terminal that is a TTY and has not asked for none (NO_COLOR, https://no-color.org). */
export function wantsColor(isTty: boolean | undefined, noColor: string | undefined): boolean {
  return Boolean(isTty) && !noColor;
}

export function renderForTerminal(reply: Reply, color: boolean): string {
  const style = stylesFor(color);
  const lines: string[] = [];
  if (reply.title) lines.push(style.bold(reply.title));
  lines.push(markdownToTerminal(reply.text, style));
  if (reply.escalation) {
    const e = reply.escalation;
    lines.push('', style.bold('Case summary (copy this):'), '----------------------------------------', e.summary, '----------------------------------------');
    if (e.checklist.length) lines.push(style.bold('Before you submit, gather:'), ...e.checklist.map((c) => `  - ${c}`));
    lines.push(`${style.bold(`${e.actionLabel}:`)} ${e.url}`);
  }
  if (reply.sources?.length) lines.push(style.dim(`Sources: ${reply.sources.map((s) => `${s.title} <${s.url}>`).join(' · ')}`));
  if (reply.choices?.length) lines.push(...reply.choices.map((c, i) => `  ${i + 1}) ${c.label}`));
  return lines.join('\n');
}

/**
 * Markdown-lite to terminal text. Plain-text rewrites (fences, links) run
 * before any escape sequence is added: an escape sequence starts with "[",
 * which the link pattern would otherwise read as the start of a link.
 */
function markdownToTerminal(text: string, style: Styles): string {
  const blocks = text.split(/^```[^\n]*\n?/m);
  return blocks
    .map((block, i) => {
      // Odd blocks sit between ``` fences: shown indented, nothing inside is styled.
      if (i % 2 === 1) return block.replace(/\n$/, '').split('\n').map((l) => `    ${l}`).join('\n') + '\n';
      return styleInline(block.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1 <$2>'), style);
    })
    .join('');
}

function styleInline(text: string, style: Styles): string {
  // Code first, so "**" inside `code` stays literal; then bold.
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) => (/^`[^`\n]+`$/.test(part) ? style.code(part.slice(1, -1)) : part.replace(/\*\*([^*]+)\*\*/g, (_m, s: string) => style.bold(s))))
    .join('');
}

/** "2" -> the second offered choice's id; an option's id typed as-is also works. */
export function choiceFromInput(line: string, offered: { id: string; label: string }[]): string | undefined {
  const n = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(line);
  if (n) return offered[Number(n[1]) - 1]?.id;
  const exact = offered.find((c) => c.id === line.trim());
  return exact?.id;
}
