import { say, type Wording } from '../knowledge/wording.ts';

/**
 * Where a fact came from, as a short label for summaries: what the user
 * typed is "you said", not "what you pasted". Reads the reason sentences the
 * evidence readers write (evidence.ts, error-page.ts, trace.ts), so a new
 * reader only needs a reason in the same words to get the right label.
 */
export function sourceLabel(wording: Wording, because: string | undefined): string | undefined {
  if (!because) return undefined;
  const b = because.toLowerCase();
  if (/\btrace\b/.test(b)) return say(wording, 'fromTrace');
  if (/\bpasted\b/.test(b) && /\bpage\b/.test(b)) return say(wording, 'fromPastedPage');
  if (/\bthe bot\b|\bbot's\b|\bbot’s\b/.test(b)) return say(wording, 'fromBotCheck');
  if (/\bray id\b/.test(b)) return say(wording, 'fromRayId');
  if (/\bpasted\b/.test(b)) return say(wording, 'fromPasted');
  if (/\bsystemctl\b/.test(b)) return say(wording, 'fromSystemctl');
  if (/^you (?:said|mentioned|wrote|typed|told)\b/.test(b)) return say(wording, 'fromYouSaid');
  if (/^you answered\b/.test(b)) return say(wording, 'fromAnsweredEarlier');
  return undefined;
}
