/**
 * Where a fact came from, as a short label for summaries: what the user
 * typed is "you said", not "what you pasted". Reads the reason sentences the
 * evidence readers write (evidence.ts, error-page.ts, trace.ts), so a new
 * reader only needs a reason in the same words to get the right label.
 */
export function sourceLabel(because: string | undefined): string | undefined {
  if (!because) return undefined;
  const b = because.toLowerCase();
  if (/\btrace\b/.test(b)) return 'from your trace';
  if (/\bpasted\b/.test(b) && /\bpage\b/.test(b)) return 'from the page you pasted';
  if (/\bthe bot\b|\bbot's\b|\bbot’s\b/.test(b)) return 'from the bot’s check';
  if (/\bray id\b/.test(b)) return 'from your Ray ID';
  if (/\bpasted\b/.test(b)) return 'from what you pasted';
  if (/\bsystemctl\b/.test(b)) return 'from your systemctl output';
  if (/^you (?:said|mentioned|wrote|typed|told)\b/.test(b)) return 'you said';
  if (/^you answered\b/.test(b)) return 'you answered earlier';
  return undefined;
}
