import type { Reply } from '../../src/conversation/seam.ts';

/**
 * Replies as terminal text: choices become numbered options (the terminal has
 * no buttons), links are shown as "text <url>", and the escalation summary is
 * printed whole so it can be copied into a case.
 */
export function renderForTerminal(reply: Reply, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  const lines: string[] = [];
  if (reply.title) lines.push(bold(reply.title));
  lines.push(markdownToTerminal(reply.text, bold));
  if (reply.escalation) {
    const e = reply.escalation;
    lines.push('', bold('Case summary (copy this):'), '----------------------------------------', e.summary, '----------------------------------------');
    if (e.checklist.length) lines.push(bold('Before you submit, gather:'), ...e.checklist.map((c) => `  - ${c}`));
    lines.push(`${bold('Open it here:')} ${e.url}`);
  }
  if (reply.sources?.length) lines.push(dim(`Sources: ${reply.sources.map((s) => `${s.title} <${s.url}>`).join(' · ')}`));
  if (reply.choices?.length) lines.push(...reply.choices.map((c, i) => `  ${i + 1}) ${c.label}`));
  return lines.join('\n');
}

function markdownToTerminal(text: string, bold: (s: string) => string): string {
  return text
    .replace(/\*\*([^*]+)\*\*/g, (_m, s: string) => bold(s))
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1 <$2>');
}

/** "2" -> the second offered choice's id; an option's id typed as-is also works. */
export function choiceFromInput(line: string, offered: { id: string; label: string }[]): string | undefined {
  const n = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(line);
  if (n) return offered[Number(n[1]) - 1]?.id;
  const exact = offered.find((c) => c.id === line.trim());
  return exact?.id;
}
