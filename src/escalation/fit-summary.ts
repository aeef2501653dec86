/**
 * Lays out a plain-text summary and keeps it under a size that fits a
 * Discord embed, a Slack block and a support-case description field. Long
 * lists shrink first (longest list first), each ending with "…and N more";
 * the closing lines (next step, warning) are never cut.
 */

export type SummarySection = {
  /** "Details:" — omitted for a one-line section such as "Problem: …". */
  heading?: string;
  lines: string[];
};

export const MAX_SUMMARY_CHARS = 1800;
const MAX_LINE_CHARS = 240;

function clip(line: string, max: number): string {
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

function renderSection(section: SummarySection, shown: number, lineMax: number): string {
  const lines = section.lines.slice(0, shown).map((l) => `- ${clip(l, lineMax)}`);
  const hidden = section.lines.length - shown;
  if (hidden > 0) lines.push(`- …and ${hidden} more`);
  return section.heading ? [section.heading, ...lines].join('\n') : lines.map((l) => l.slice(2)).join('\n');
}

export function fitSummary(body: SummarySection[], closing: string[], max = MAX_SUMMARY_CHARS): string {
  const sections = body.filter((s) => s.lines.length > 0);
  const shown = sections.map((s) => s.lines.length);
  const tail = closing.filter(Boolean).join('\n');
  let lineMax = MAX_LINE_CHARS;
  const render = (): string => [...sections.map((s, i) => renderSection(s, shown[i] ?? 0, lineMax)), tail].filter(Boolean).join('\n\n');

  let text = render();
  while (text.length > max) {
    // Shrink the longest list that still has more than one line to give.
    let longest = -1;
    sections.forEach((s, i) => {
      if (s.heading && (shown[i] ?? 0) > 1 && (longest < 0 || (shown[i] ?? 0) > (shown[longest] ?? 0))) longest = i;
    });
    if (longest >= 0) shown[longest] = (shown[longest] ?? 1) - 1;
    else if (lineMax > 80) lineMax -= 40;
    else break;
    text = render();
  }
  if (text.length <= max) return text;
  // Still too long only with a huge closing text: keep the closing, cut the body.
  const bodyText = text.slice(0, Math.max(0, text.length - tail.length));
  const room = Math.max(0, max - tail.length - 3);
  return `${bodyText.slice(0, room).trimEnd()}\n…\n${tail}`.slice(0, max);
}
